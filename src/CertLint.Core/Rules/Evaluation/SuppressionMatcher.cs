using CertLint.Configuration;
using CertLint.Findings;

namespace CertLint.Rules.Evaluation;

/// <summary>
/// Applies configured suppressions: rule (name or id, or `*`) plus a path glob and/or a certificate SHA-256.
/// A suppression past its `expires` date no longer applies, and a notice says so.
/// </summary>
public sealed class SuppressionMatcher
{
    private readonly SuppressionEntry[] _active;

    public SuppressionMatcher(IReadOnlyList<SuppressionEntry> entries, DateTimeOffset now)
    {
        var expired = Expired(entries, now);
        _active = entries.Except(expired).ToArray();
        Notices = expired
            .Select(e => $"suppression of {e.Rule} ({Scope(e)}) from {e.Source} expired on {e.Expires:yyyy-MM-dd} and no longer applies: {e.Reason}")
            .ToArray();
    }

    public IReadOnlyList<string> Notices { get; }

    /// <summary>The entries past their `expires` date as of <paramref name="now"/> (a suppression applies through its date).</summary>
    public static IReadOnlyList<SuppressionEntry> Expired(IReadOnlyList<SuppressionEntry> entries, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return entries.Where(e => e.Expires is { } x && x < today).ToArray();
    }


    public Suppression? Match(Finding finding, string? certificateSha256)
    {
        foreach (var e in _active)
        {
            if (e.Rule != "*" && !e.Rule.Equals(finding.Rule.Name, StringComparison.OrdinalIgnoreCase) &&
                !e.Rule.Equals(finding.Rule.Id, StringComparison.OrdinalIgnoreCase)) continue;
            if (e.PathGlob is not null && !GlobCache.Get(e.PathGlob).IsMatch(finding.Location.File.RelativePath)) continue;
            if (e.Sha256 is not null && !NormalizeHex(e.Sha256).Equals(certificateSha256, StringComparison.OrdinalIgnoreCase)) continue;
            return new Suppression(e.Reason, e.Source, e.Expires);
        }
        return null;
    }

    /// <summary>Accepts fingerprints written with colons or spaces, as openssl prints them.</summary>
    public static string NormalizeHex(string hex) => hex.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>"path GLOB, sha256 HEX": what an entry is scoped to, for notices and reports.</summary>
    public static string Scope(SuppressionEntry e) =>
        string.Join(", ", new[] { e.PathGlob is null ? null : "path " + e.PathGlob, e.Sha256 is null ? null : "sha256 " + e.Sha256 }.Where(x => x is not null));
}
