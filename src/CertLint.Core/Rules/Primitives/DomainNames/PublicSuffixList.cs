using System.Globalization;
using System.Numerics;
using System.Text;
using CertLint.Rules.Loading.Precompiled;

namespace CertLint.Rules.Primitives.DomainNames;

/// <summary>
/// The Public Suffix List (https://publicsuffix.org, MPL-2.0), shipped inside the assembly from Debian's `publicsuffix`
/// package (see docs/packs.md to refresh it); no network. Rules are kept in their ASCII (A-label) form, as certificate
/// dNSNames are written. The ICANN section is the registry-controlled part the BR means; the PRIVATE section
/// (github.io, ...) is used only when asked.
/// </summary>
/// <remarks>
/// Every run that meets a DNS name loads the list, so it is held compactly: each rule is a range of the embedded text
/// (read in place, never copied) or, for the rules written in Unicode, of a small buffer of their A-labels, found
/// through one open-addressing table. A set of strings per section made some 10,000 strings and four hash sets
/// (0.8 MB of fresh memory in every such run). Names match as the sets matched, ignoring case (ordinal).
/// </remarks>
internal sealed class PublicSuffixList
{
    private const string Resource = "CertLint.PublicSuffixList";
    private static readonly Lazy<PublicSuffixList> LazyDefault = new(Load);

    /// <summary>The sets a rule belongs to; a top-level domain of the ICANN section is an entry of its own.</summary>
    private enum Set : byte { Rule, Wildcard, Exception, Private, Tld }

    private enum Section { None, Icann, Private }

    /// <summary>A rule's text: <see cref="Start"/> below the text's length is in the text, else in the A-label buffer.</summary>
    private readonly record struct Entry(int Start, ushort Length, Set Set);

    private readonly EmbeddedBytes _text;
    private readonly List<byte> _aLabels = [];
    private Entry[] _entries;
    private int _count;
    private readonly int[] _buckets;

    private PublicSuffixList(EmbeddedBytes text, int rules)
    {
        _text = text;
        // Every rule and, at most, one top-level domain per ICANN rule (far fewer in practice; grown if ever needed).
        _entries = new Entry[rules + 2048];
        _buckets = new int[(int)BitOperations.RoundUpToPowerOf2((uint)(rules * 2 + 4096))];
    }

    public static PublicSuffixList Default => LazyDefault.Value;

    /// <summary>How many ICANN rules were read (a test checks the shipped list is not empty or truncated).</summary>
    public int IcannRules { get; private set; }

    /// <summary>Reads the list from its UTF-8 text, which it keeps (a module's image or this copy).</summary>
    internal static PublicSuffixList Parse(EmbeddedBytes text)
    {
        var rules = 0;
        Walk(text.Span, (_, _, _) => rules++);
        var list = new PublicSuffixList(text, rules);
        var idn = new IdnMapping();
        Walk(text.Span, (section, start, rule) =>
        {
            var exception = rule[0] == '!';
            var wildcard = rule.StartsWith("*."u8);
            var skip = exception ? 1 : wildcard ? 2 : 0;
            var body = rule[skip..];
            var at = start + skip;
            if (!IsPlainAscii(body))
            {
                string ascii;
                try
                {
                    ascii = idn.GetAscii(Encoding.UTF8.GetString(body));
                }
                catch (ArgumentException)
                {
                    return;
                }
                at = text.Length + list._aLabels.Count;
                foreach (var c in ascii) list._aLabels.Add((byte)c); // GetAscii returns ASCII only
                body = Encoding.ASCII.GetBytes(ascii);
            }
            var set = section == Section.Private ? Set.Private : exception ? Set.Exception : wildcard ? Set.Wildcard : Set.Rule;
            list.Add(new Entry(at, checked((ushort)body.Length), set));
            if (section == Section.Icann)
            {
                list.IcannRules++;
                var dot = body.LastIndexOf((byte)'.') + 1;
                list.Add(new Entry(at + dot, (ushort)(body.Length - dot), Set.Tld));
            }
        });
        return list;
    }

    /// <summary>Each rule of the ICANN and PRIVATE sections (the first word of a line that is not a comment), with its
    /// section and its offset in the text.</summary>
    private static void Walk(ReadOnlySpan<byte> text, RuleVisitor rule)
    {
        var section = Section.None;
        foreach (var range in text.Split((byte)'\n'))
        {
            var raw = text[range];
            var line = raw.TrimStart(" \t\r\v\f"u8);
            var start = range.Start.GetOffset(text.Length) + raw.Length - line.Length;
            line = line.TrimEnd(" \t\r\v\f"u8);
            if (line.StartsWith("// ===BEGIN ICANN DOMAINS==="u8)) { section = Section.Icann; continue; }
            if (line.StartsWith("// ===END ICANN DOMAINS==="u8)) { section = Section.None; continue; }
            if (line.StartsWith("// ===BEGIN PRIVATE DOMAINS==="u8)) { section = Section.Private; continue; }
            if (line.Length == 0 || line.StartsWith("//"u8) || section == Section.None) continue;
            var end = line.IndexOfAny(" \t"u8);
            rule(section, start, end < 0 ? line : line[..end]);
        }
    }

    private delegate void RuleVisitor(Section section, int start, ReadOnlySpan<byte> rule);

    /// <summary>
    /// Already an A-label name that <see cref="IdnMapping.GetAscii(string)"/> would return as it is (up to case, and
    /// lookups ignore case): lower-case letters, digits and inner hyphens, non-empty labels of at most 63, no xn--
    /// label (those are checked by decoding). About 9 in 10 rules; skipping the IDNA mapping for them halves the
    /// cost of loading the list, which every run with a DNS name pays (a test checks both ways agree on the whole list).
    /// </summary>
    internal static bool IsPlainAscii(string name)
    {
        if (name.Length is 0 or > 253 || !Ascii.IsValid(name)) return false;
        Span<byte> bytes = stackalloc byte[name.Length];
        Encoding.ASCII.GetBytes(name, bytes);
        return IsPlainAscii(bytes);
    }

    /// <summary><see cref="IsPlainAscii(string)"/> of UTF-8 text: a byte of a non-ASCII character is never plain.</summary>
    private static bool IsPlainAscii(ReadOnlySpan<byte> name)
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
            if (!(c is >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9' || (c == '-' && label > 0))) return false;
            if (++label > 63) return false;
            if (label == 4 && c == '-' && name[i - 1] == '-') return false; // ??-- : xn-- or another reserved label
        }
        return label > 0 && name[^1] != '-';
    }

    private static PublicSuffixList Load() =>
        Parse(EmbeddedBytes.Open(typeof(PublicSuffixList).Assembly, Resource)
            ?? throw new InvalidOperationException("the Public Suffix List is not embedded"));

    /// <summary>The rightmost label is a top-level domain of the ICANN section (onion, a special-use name the BR allow, included).</summary>
    public bool HasKnownTld(string name)
    {
        // Spans over the name: this runs for every DNS name of every certificate in several rules.
        var trimmed = name.AsSpan().TrimEnd('.');
        var tld = trimmed[(trimmed.LastIndexOf('.') + 1)..];
        return tld.Equals("onion", StringComparison.OrdinalIgnoreCase) || Contains(Set.Tld, tld);
    }

    /// <summary>
    /// The public suffix of a lower-case <paramref name="name"/> by the ICANN rules (longest match; exception rules win;
    /// the default rule "*" makes an unknown top-level domain its own suffix). The name itself when it is a suffix.
    /// </summary>
    public string SuffixOf(string name)
    {
        var n = name.AsSpan().TrimEnd('.');
        for (var start = 0; start < n.Length;)
        {
            var candidate = n[start..];
            var dot = candidate.IndexOf('.');
            if (Contains(Set.Exception, candidate)) return candidate[(dot + 1)..].ToString();
            if (Contains(Set.Rule, candidate)) return candidate.ToString();
            if (dot > 0 && Contains(Set.Wildcard, candidate[(dot + 1)..])) return candidate.ToString();
            if (dot < 0) return candidate.ToString();
            start += dot + 1;
        }
        return n.ToString();
    }

    /// <summary>The name is itself a public suffix (co.uk, com, github.io when <paramref name="includePrivate"/>).</summary>
    public bool IsPublicSuffix(string name, bool includePrivate)
    {
        var n = name.TrimEnd('.').ToLowerInvariant();
        if (n.Length == 0 || Contains(Set.Exception, n)) return false;
        if (Contains(Set.Rule, n) || (includePrivate && Contains(Set.Private, n))) return true;
        var dot = n.IndexOf('.');
        return dot > 0 && Contains(Set.Wildcard, n.AsSpan(dot + 1));
    }

    private ReadOnlySpan<byte> Text(Entry e) => e.Start < _text.Length
        ? _text.Span.Slice(e.Start, e.Length)
        : System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_aLabels).Slice(e.Start - _text.Length, e.Length);

    private void Add(Entry entry)
    {
        var text = Text(entry);
        var slot = Slot(entry.Set, text);
        if (slot >= 0) return; // already there
        if (_count == _entries.Length) Array.Resize(ref _entries, _count * 2);
        _entries[_count++] = entry;
        _buckets[~slot] = _count;
    }

    /// <summary>Where <paramref name="rule"/> is in the table (its bucket), or ~the empty bucket where it would go.</summary>
    private int Slot(Set set, ReadOnlySpan<byte> rule)
    {
        var mask = _buckets.Length - 1;
        var hash = Hash(set, rule);
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            if (_buckets[i] == 0) return ~i;
            var e = _entries[_buckets[i] - 1];
            if (e.Set == set && Ascii.EqualsIgnoreCase(Text(e), rule)) return i;
        }
    }

    private static int Hash(Set set, ReadOnlySpan<byte> lowerOrUpper)
    {
        var hash = 2166136261u ^ (uint)set;
        foreach (var b in lowerOrUpper) hash = (hash ^ (uint)(b | 0x20)) * 16777619u;
        return (int)(hash & int.MaxValue);
    }

    /// <summary>
    /// Whether <paramref name="name"/> is in the set, ignoring case as an ordinal comparison does. Every rule is ASCII,
    /// so a name matches only if each of its characters equals an ASCII one ignoring case; a non-ASCII character that
    /// does (the runtime decides which) is looked up as that letter, any other means no match.
    /// </summary>
    private bool Contains(Set set, ReadOnlySpan<char> name)
    {
        if (name.Length is 0 or > ushort.MaxValue) return false;
        Span<byte> ascii = name.Length <= 256 ? stackalloc byte[name.Length] : new byte[name.Length];
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c >= 0x80 && (c = AsciiEquivalent(c)) == '\0') return false;
            ascii[i] = (byte)c;
        }
        return Slot(set, ascii) >= 0;
    }

    private static char AsciiEquivalent(char c)
    {
        for (var a = 'a'; a <= 'z'; a++)
        {
            if (MemoryExtensions.Equals([c], [a], StringComparison.OrdinalIgnoreCase)) return a;
        }
        return '\0';
    }
}
