using CertLint.Model;

namespace CertLint.Configuration;

/// <summary>Expected peer names for a certificate file: host names (--host plus config hosts whose glob matches its path) and mailboxes.</summary>
public static class ExpectedHosts
{
    public static IReadOnlyList<string> For(SourceFile file, LintSettings settings) =>
        Matching(file, settings.Hosts, settings.HostsByPath, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// --mailbox plus config `mailboxes` whose glob matches the file. Distinct by exact text: a mailbox's local part is case-sensitive
    /// (RFC 5280 §7.5), so "Alice@example.com" and "alice@example.com" are two expectations.
    /// </summary>
    public static IReadOnlyList<string> Mailboxes(SourceFile file, LintSettings settings) =>
        Matching(file, settings.Mailboxes, settings.MailboxesByPath, StringComparer.Ordinal);

    private static IReadOnlyList<string> Matching(SourceFile file, IReadOnlyList<string> always, IReadOnlyList<PathHosts> byPath, StringComparer comparer)
    {
        if (byPath.Count == 0) return always;
        var names = new List<string>(always);
        foreach (var ph in byPath)
        {
            if (ph.File is not null ? ph.File == file.FullPath : GlobCache.Get(ph.Glob).IsMatch(file.RelativePath)) names.AddRange(ph.Hosts);
        }
        return names.Distinct(comparer).ToArray();
    }
}
