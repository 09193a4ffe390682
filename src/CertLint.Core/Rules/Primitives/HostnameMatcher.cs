using System.Globalization;
using System.Net;
using CertLint.Model;

namespace CertLint.Rules.Primitives;

/// <summary>
/// Does a certificate's subjectAltName cover a host name? RFC 6125 §6.4, as browsers apply it:
/// <list type="bullet">
/// <item>only SAN dNSName and iPAddress entries count; the subject CN is never used (RFC 6125 §6.4.4, CA/B BR 7.1.4.3);</item>
/// <item>names compare case-insensitively as A-labels (IDNs are converted), a trailing dot is ignored;</item>
/// <item>a wildcard is accepted only as the whole left-most label (<c>*.example.com</c>), matches exactly one label
/// (not <c>example.com</c>, not <c>a.b.example.com</c>), needs at least two labels after it (no <c>*.com</c>),
/// covers nothing when what follows it is a public suffix of the ICANN section (<c>*.co.uk</c>: Chromium refuses it;
/// a private-section suffix such as <c>github.io</c> is allowed, as Chromium allows it),
/// and never matches an IP address;</item>
/// <item>partial-label wildcards (<c>f*.example.com</c>, <c>*oo.example.com</c>, <c>xn--*</c>) are not supported:
/// RFC 6125 §6.4.3 lets clients refuse them and the BR forbid them;</item>
/// <item>an IP address matches only an iPAddress entry with the same bytes (::ffff:1.2.3.4 is not 1.2.3.4).</item>
/// </list>
/// </summary>
public static class HostnameMatcher
{
    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = false };

    public static bool Covers(SubjectAltNames? san, string host)
    {
        if (san is null || string.IsNullOrWhiteSpace(host)) return false;
        var expected = host.Trim();
        if (TryParseIp(expected, out var ip))
        {
            return san.Ip.Any(entry => TryParseIp(entry, out var other) && ip.Equals(other));
        }
        var wanted = Normalize(expected);
        if (wanted is null) return false;
        return san.Dns.Any(entry => Normalize(entry) is { } pattern && Matches(pattern, wanted));
    }

    /// <summary>
    /// Matches one normalised SAN dNSName (possibly a wildcard) against one normalised host name; with
    /// <paramref name="publicSuffixes"/> a wildcard on a public suffix is matched too (only to explain a mismatch).
    /// </summary>
    public static bool Matches(string pattern, string host, bool publicSuffixes = false)
    {
        if (pattern == host) return true;
        if (!pattern.StartsWith("*.", StringComparison.Ordinal) || host.StartsWith("*.", StringComparison.Ordinal)) return false;
        var suffix = pattern[1..];                              // ".example.com"
        if (suffix.Contains('*', StringComparison.Ordinal) || suffix.Count(c => c == '.') < 2) return false;
        if (!host.EndsWith(suffix, StringComparison.Ordinal)) return false;
        var label = host[..^suffix.Length];                     // exactly one non-empty label
        return label.Length > 0 && !label.Contains('.', StringComparison.Ordinal)
               && (publicSuffixes || !DomainNames.PublicSuffixList.Default.IsPublicSuffix(suffix[1..], includePrivate: false));
    }

    /// <summary>Lower-case A-label form without a trailing dot, or null when the name is not a valid DNS name.</summary>
    public static string? Normalize(string name)
    {
        var n = name.Trim().TrimEnd('.');
        if (n.Length == 0) return null;
        try
        {
            var star = n.StartsWith("*.", StringComparison.Ordinal);
            var ascii = Idn.GetAscii(star ? n[2..] : n);
            return (star ? "*." + ascii : ascii).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            // Not IDNA-valid (e.g. a partial wildcard or an underscore label): compare it literally.
            return n.ToLowerInvariant();
        }
    }

    /// <summary>The SAN's DNS and IP entries as a message lists them, each with its type (DNS:x, IP:y): an address listed
    /// as a DNS name reads like a covered host otherwise.</summary>
    public static string Describe(SubjectAltNames? san) =>
        san is null || san.Dns.Count + san.Ip.Count == 0 ? "(none)" : string.Join(", ", san.Dns.Select(d => "DNS:" + d).Concat(san.Ip.Select(i => "IP:" + i)));

    /// <summary>
    /// Why a missing host may look covered: an IP address written in a DNS entry, which clients never match against an
    /// address, or a wildcard whose suffix is a public suffix, which covers nothing. Empty when neither applies;
    /// otherwise text to append to the message.
    /// </summary>
    public static string Hint(SubjectAltNames? san, IEnumerable<string> missing)
    {
        if (san is null) return "";
        var hosts = missing.ToList();
        var listed = hosts.Where(h => TryParseIp(h, out var ip) && san.Dns.Any(d => TryParseIp(d, out var other) && ip.Equals(other))).ToList();
        var onSuffix = san.Dns.Where(d => Normalize(d) is { } p && p.StartsWith("*.", StringComparison.Ordinal)
                                         && hosts.Any(h => Normalize(h) is { } n && Matches(p, n, publicSuffixes: true) && !Matches(p, n))).ToList();
        var hint = listed.Count == 0 ? "" :
            $" ({string.Join(", ", listed)} {(listed.Count == 1 ? "is" : "are")} listed as DNS, and clients match an IP address only against IP entries: list {(listed.Count == 1 ? "it" : "them")} as IP:{string.Join(", IP:", listed)})";
        return onSuffix.Count == 0 ? hint :
            hint + $" ({string.Join(", ", onSuffix)}: a wildcard on a public suffix covers nothing, as browsers refuse it)";
    }

    /// <summary>A host as hosts compare: an IP address in its canonical text (by value), else <see cref="Normalize"/>d.</summary>
    public static string? Host(string name) => TryParseIp(name, out var ip) ? ip.ToString() : Normalize(name);

    private static bool TryParseIp(string text, out IPAddress address)
    {
        var t = text.Trim();
        if (t.StartsWith('[') && t.EndsWith(']')) t = t[1..^1];
        // IPAddress.TryParse also accepts "1" or "1.2": insist on a full dotted quad or an IPv6 literal.
        if (IPAddress.TryParse(t, out var parsed) && (t.Contains(':', StringComparison.Ordinal) || t.Count(c => c == '.') == 3))
        {
            address = parsed;
            return true;
        }
        address = IPAddress.None;
        return false;
    }
}
