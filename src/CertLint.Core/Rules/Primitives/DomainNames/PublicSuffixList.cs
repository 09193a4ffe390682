using System.Globalization;
using System.Text;

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

    private readonly HashSet<string> _rules;
    private readonly HashSet<string> _wildcards = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _exceptions = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _privateRules;
    private readonly HashSet<string> _tlds = new(StringComparer.OrdinalIgnoreCase);

    private PublicSuffixList(int icann, int privateRules)
    {
        // Sized up front: some 10,000 rules, and growing a set copies it each time.
        _rules = new HashSet<string>(icann, StringComparer.OrdinalIgnoreCase);
        _privateRules = new HashSet<string>(privateRules, StringComparer.OrdinalIgnoreCase);
    }

    public static PublicSuffixList Default => LazyDefault.Value;

    /// <summary>How many ICANN rules were read (a test checks the shipped list is not empty or truncated).</summary>
    public int IcannRules { get; private set; }

    private enum Section { None, Icann, Private }

    /// <summary>
    /// Reads the list from its UTF-8 text. Every run that meets a DNS name loads it: lines are walked as bytes, so
    /// that only the rules themselves become strings (not every line, its trimmed copy and its split parts) and a
    /// top-level domain already known is not copied again.
    /// </summary>
    internal static PublicSuffixList Parse(ReadOnlySpan<byte> text)
    {
        var counts = new int[3];
        Walk(text, (section, _) => counts[(int)section]++);
        var list = new PublicSuffixList(counts[(int)Section.Icann], counts[(int)Section.Private]);
        var idn = new IdnMapping();
        var tlds = list._tlds.GetAlternateLookup<ReadOnlySpan<char>>();
        Walk(text, (section, rule) =>
        {
            var exception = rule[0] == '!';
            var wildcard = rule.StartsWith("*."u8);
            var raw = exception ? rule[1..] : wildcard ? rule[2..] : rule;
            var body = Encoding.UTF8.GetString(raw);
            if (!IsPlainAscii(body))
            {
                try
                {
                    body = idn.GetAscii(body);
                }
                catch (ArgumentException)
                {
                    return;
                }
            }
            var target = section == Section.Private ? list._privateRules : exception ? list._exceptions : wildcard ? list._wildcards : list._rules;
            target.Add(body);
            if (section == Section.Icann)
            {
                list.IcannRules++;
                var tld = body.AsSpan(body.LastIndexOf('.') + 1);
                if (!tlds.Contains(tld)) tlds.Add(tld);
            }
        });
        return list;
    }

    /// <summary>Each rule of the ICANN and PRIVATE sections (the first word of a line that is not a comment), with its section.</summary>
    private static void Walk(ReadOnlySpan<byte> text, Action<Section, ReadOnlySpan<byte>> rule)
    {
        var section = Section.None;
        foreach (var range in text.Split((byte)'\n'))
        {
            var line = text[range].Trim(" \t\r\v\f"u8);
            if (line.StartsWith("// ===BEGIN ICANN DOMAINS==="u8)) { section = Section.Icann; continue; }
            if (line.StartsWith("// ===END ICANN DOMAINS==="u8)) { section = Section.None; continue; }
            if (line.StartsWith("// ===BEGIN PRIVATE DOMAINS==="u8)) { section = Section.Private; continue; }
            if (line.Length == 0 || line.StartsWith("//"u8) || section == Section.None) continue;
            var end = line.IndexOfAny(" \t"u8);
            rule(section, end < 0 ? line : line[..end]);
        }
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
        var text = Loading.Precompiled.EmbeddedBytes.Open(typeof(PublicSuffixList).Assembly, Resource)
            ?? throw new InvalidOperationException("the Public Suffix List is not embedded");
        return Parse(text.Span);
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
