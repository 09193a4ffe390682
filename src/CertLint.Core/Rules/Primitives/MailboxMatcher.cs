using CertLint.Findings;
using CertLint.Model;

namespace CertLint.Rules.Primitives;

/// <summary>
/// Does an S/MIME certificate name a mail address? A receiving agent compares the message's From or Sender address with
/// the addresses in the signer's certificate (RFC 8550 §3):
/// <list type="bullet">
/// <item>the addresses are the SAN's rfc822Name entries and its id-on-SmtpUTF8Mailbox otherNames (RFC 8398 §3); the
/// subject's legacy emailAddress attributes count only when the SAN names no mailbox, as RFC 5280 §4.2.1.10 reads them
/// for name constraints (§4.1.2.6 requires new certificates to use the SAN);</item>
/// <item>the local part compares exactly, case included (RFC 5280 §7.5, RFC 8398 §5: only the host is case-insensitive);</item>
/// <item>the domain compares case-insensitively as A-labels, so a U-label domain (in an SmtpUTF8Mailbox or in the
/// expected address) equals its xn-- form; a trailing dot is ignored; an address literal ([192.0.2.1]) compares as text.</item>
/// </list>
/// </summary>
public static class MailboxMatcher
{
    private const string SmtpUtf8MailboxOid = "1.3.6.1.5.5.7.8.9";

    /// <summary>The certificate's mail addresses with where each was found ("rfc822Name", "SmtpUTF8Mailbox", "subject emailAddress").</summary>
    public static IReadOnlyList<(string Mailbox, string Source)> Named(CertificateInfo cert)
    {
        var named = new List<(string, string)>();
        foreach (var email in cert.SubjectAltNames?.Email ?? []) named.Add((email, "rfc822Name"));
        if (cert.SubjectAltNames is not null && cert.Details.Extension(Oids.SubjectAltName) is GeneralNamesDetails san)
        {
            foreach (var entry in san.Entries)
            {
                if (entry is { Type: "otherName", Value: SmtpUtf8MailboxOid, Mailbox: { } mailbox }) named.Add((mailbox, "SmtpUTF8Mailbox"));
            }
        }
        if (named.Count > 0) return named;
        foreach (var attribute in cert.Subject.Attributes)
        {
            if (attribute.Oid == Oids.EmailAddress) named.Add((attribute.Value, "subject emailAddress"));
        }
        return named;
    }

    public static bool Covers(IReadOnlyList<(string Mailbox, string Source)> named, string expected) =>
        Key(expected) is { } wanted && named.Any(n => Key(n.Mailbox) == wanted);

    /// <summary>local-part "@" lower-case A-label domain, or null when the text is not a mailbox.</summary>
    private static string? Key(string address)
    {
        var text = address.Trim();
        var at = text.LastIndexOf('@');
        if (at <= 0 || at == text.Length - 1) return null;
        var domain = text[(at + 1)..];
        var folded = domain.StartsWith('[') && domain.EndsWith(']') ? domain.ToLowerInvariant() : HostnameMatcher.Normalize(domain);
        return folded is null ? null : text[..at] + "@" + folded;
    }

    /// <summary>The addresses for a message: "rfc822Name a@example.com, SmtpUTF8Mailbox ...", or "none".</summary>
    public static string Describe(IReadOnlyList<(string Mailbox, string Source)> named) =>
        named.Count == 0 ? "none" : string.Join(", ", named.Take(8).Select(n => $"{n.Source} {SafeText.Quote(n.Mailbox)}"))
            + (named.Count > 8 ? $", and {named.Count - 8} more" : "");

    /// <summary>Why an expected address did not match, when a near miss explains it (case of the local part).</summary>
    public static string Hint(IReadOnlyList<(string Mailbox, string Source)> named, IReadOnlyList<string> missing)
    {
        foreach (var expected in missing)
        {
            var near = named.FirstOrDefault(n => Key(n.Mailbox) is { } k && Key(expected) is { } w && k != w
                && string.Equals(k, w, StringComparison.OrdinalIgnoreCase));
            if (near.Mailbox is not null)
                return $" ({SafeText.Quote(expected)} differs from {SafeText.Quote(near.Mailbox)} only in letter case: the local part of a mail address is case-sensitive, RFC 5280 §7.5)";
        }
        return named.Any(n => n.Source == "subject emailAddress") ? " (the certificate has no mailbox in its subjectAltName; its subject's emailAddress was read instead)" : "";
    }
}
