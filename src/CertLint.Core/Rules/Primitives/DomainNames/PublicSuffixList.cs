using System.Globalization;
using System.Reflection;

namespace CertLint.Rules.Primitives.DomainNames;

/// <summary>
/// The Public Suffix List (https://publicsuffix.org, MPL-2.0), shipped inside the assembly from Debian's `publicsuffix`
/// package (see docs/packs.md to refresh it); no network. Rules are kept in their ASCII (A-label) form, as certificate
/// dNSNames are written. The ICANN section is the registry-controlled part the BR means; the PRIVATE section
/// (github.io, ...) is used only when asked.
/// </summary>
internal sealed class PublicSuffixList
{
    private const string Resource = "CertLint.PublicSuffixList";
    private static readonly Lazy<PublicSuffixList> LazyDefault = new(Load);

    private readonly HashSet<string> _rules = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _wildcards = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _exceptions = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _privateRules = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _tlds = new(StringComparer.OrdinalIgnoreCase);

    public static PublicSuffixList Default => LazyDefault.Value;

    /// <summary>How many ICANN rules were read (a test checks the shipped list is not empty or truncated).</summary>
    public int IcannRules { get; private set; }

    internal static PublicSuffixList Parse(TextReader reader)
    {
        var list = new PublicSuffixList();
        var icann = false;
        var privateSection = false;
        var idn = new IdnMapping();
        while (reader.ReadLine() is { } raw)
        {
            var line = raw.Trim();
            if (line.StartsWith("// ===BEGIN ICANN DOMAINS===", StringComparison.Ordinal)) { icann = true; continue; }
            if (line.StartsWith("// ===END ICANN DOMAINS===", StringComparison.Ordinal)) { icann = false; continue; }
            if (line.StartsWith("// ===BEGIN PRIVATE DOMAINS===", StringComparison.Ordinal)) { privateSection = true; continue; }
            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal) || (!icann && !privateSection)) continue;
            var rule = line.Split(' ', '\t')[0];
            var exception = rule.StartsWith('!');
            var wildcard = rule.StartsWith("*.", StringComparison.Ordinal);
            var body = exception ? rule[1..] : wildcard ? rule[2..] : rule;
            if (!IsPlainAscii(body))
            {
                try
                {
                    body = idn.GetAscii(body);
                }
                catch (ArgumentException)
                {
                    continue;
                }
            }
            var target = !icann ? list._privateRules : exception ? list._exceptions : wildcard ? list._wildcards : list._rules;
            target.Add(body);
            if (icann)
            {
                list.IcannRules++;
                list._tlds.Add(body[(body.LastIndexOf('.') + 1)..]);
            }
        }
        return list;
    }

    /// <summary>
    /// Already an A-label name that <see cref="IdnMapping.GetAscii(string)"/> would return as it is (up to case, and
    /// the sets ignore case): lower-case letters, digits and inner hyphens, non-empty labels of at most 63, no xn--
    /// label (those are checked by decoding). About 9 in 10 rules; skipping the IDNA mapping for them halves the
    /// cost of loading the list, which every run with a DNS name pays (a test checks both ways agree on the whole list).
    /// </summary>
    internal static bool IsPlainAscii(string name)
    {
        if (name.Length is 0 or > 253) return false;
        var label = 0;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '.')
            {
                if (label == 0 || name[i - 1] == '-') return false;
                label = 0;
                continue;
            }
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' || (c == '-' && label > 0))) return false;
            if (++label > 63) return false;
            if (label == 4 && c == '-' && name[i - 1] == '-') return false; // ??-- : xn-- or another reserved label
        }
        return label > 0 && name[^1] != '-';
    }

    private static PublicSuffixList Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException("the Public Suffix List is not embedded");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    /// <summary>The rightmost label is a top-level domain of the ICANN section (onion, a special-use name the BR allow, included).</summary>
    public bool HasKnownTld(string name)
    {
        // Spans over the name: this runs for every DNS name of every certificate in several rules.
        var trimmed = name.AsSpan().TrimEnd('.');
        var tld = trimmed[(trimmed.LastIndexOf('.') + 1)..];
        return tld.Equals("onion", StringComparison.OrdinalIgnoreCase) || _tlds.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tld);
    }

    /// <summary>
    /// The public suffix of a lower-case <paramref name="name"/> by the ICANN rules (longest match; exception rules win;
    /// the default rule "*" makes an unknown top-level domain its own suffix). The name itself when it is a suffix.
    /// </summary>
    public string SuffixOf(string name)
    {
        var n = name.AsSpan().TrimEnd('.');
        var rules = _rules.GetAlternateLookup<ReadOnlySpan<char>>();
        var wildcards = _wildcards.GetAlternateLookup<ReadOnlySpan<char>>();
        var exceptions = _exceptions.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var start = 0; start < n.Length;)
        {
            var candidate = n[start..];
            var dot = candidate.IndexOf('.');
            if (exceptions.Contains(candidate)) return candidate[(dot + 1)..].ToString();
            if (rules.Contains(candidate)) return candidate.ToString();
            if (dot > 0 && wildcards.Contains(candidate[(dot + 1)..])) return candidate.ToString();
            if (dot < 0) return candidate.ToString();
            start += dot + 1;
        }
        return n.ToString();
    }

    /// <summary>The name is itself a public suffix (co.uk, com, github.io when <paramref name="includePrivate"/>).</summary>
    public bool IsPublicSuffix(string name, bool includePrivate)
    {
        var n = name.TrimEnd('.').ToLowerInvariant();
        if (n.Length == 0 || _exceptions.Contains(n)) return false;
        if (_rules.Contains(n) || (includePrivate && _privateRules.Contains(n))) return true;
        var dot = n.IndexOf('.');
        return dot > 0 && _wildcards.Contains(n[(dot + 1)..]);
    }
}
