using System.Buffers.Binary;
using System.Text;
using CertLint.Rules.Loading.Precompiled;
using Set = CertLint.Rules.Primitives.DomainNames.PublicSuffixTable.Set;

namespace CertLint.Rules.Primitives.DomainNames;

/// <summary>
/// The Public Suffix List (https://publicsuffix.org, MPL-2.0), shipped inside the assembly from Debian's `publicsuffix`
/// package (see docs/packs.md to refresh it); no network. Rules are kept in their ASCII (A-label) form, as certificate
/// dNSNames are written. The ICANN section is the registry-controlled part the BR means; the PRIVATE section
/// (github.io, ...) is used only when asked.
/// </summary>
/// <remarks>
/// The list is embedded as the hash table <see cref="PublicSuffixTable"/> builds from its text at build time, and read
/// in place (the module's image): loading it costs nothing but the pages a lookup touches. Names match as a set of
/// strings compared ignoring case (ordinal) would.
/// </remarks>
internal sealed class PublicSuffixList
{
    private const string Resource = "CertLint.PublicSuffixList";
    private static readonly Lazy<PublicSuffixList> LazyDefault = new(Load);

    private readonly EmbeddedBytes _table;
    private readonly int _mask;
    private readonly int _entriesAt;
    private readonly int _textAt;

    private PublicSuffixList(EmbeddedBytes table)
    {
        _table = table;
        var header = table.Span;
        var buckets = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
        _mask = buckets - 1;
        IcannRules = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        _textAt = BinaryPrimitives.ReadInt32LittleEndian(header[12..]);
        _entriesAt = PublicSuffixTable.HeaderBytes + buckets * 4;
    }

    public static PublicSuffixList Default => LazyDefault.Value;

    /// <summary>How many ICANN rules were read (a test checks the shipped list is not empty or truncated).</summary>
    public int IcannRules { get; }

    /// <summary>The list of a table <see cref="PublicSuffixTable.Build"/> made (the embedded one, or one a test built).</summary>
    internal static PublicSuffixList FromTable(byte[] table) => new(new EmbeddedBytes(table));

    private static PublicSuffixList Load() =>
        new(EmbeddedBytes.Open(typeof(PublicSuffixList).Assembly, Resource)
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

    /// <summary>Whether <paramref name="rule"/> is in the set: its probe meets an entry of the set with its text
    /// (ignoring ASCII case) before an empty bucket.</summary>
    private bool Has(Set set, ReadOnlySpan<byte> rule)
    {
        var table = _table.Span;
        for (var i = PublicSuffixTable.Hash(set, rule) & _mask; ; i = (i + 1) & _mask)
        {
            var bucket = BinaryPrimitives.ReadInt32LittleEndian(table[(PublicSuffixTable.HeaderBytes + i * 4)..]);
            if (bucket == 0) return false;
            var entry = table[(_entriesAt + (bucket - 1) * PublicSuffixTable.EntryBytes)..];
            if ((Set)entry[6] != set) continue;
            var length = BinaryPrimitives.ReadUInt16LittleEndian(entry[4..]);
            if (length == rule.Length && Ascii.EqualsIgnoreCase(table.Slice(_textAt + BinaryPrimitives.ReadInt32LittleEndian(entry), length), rule))
                return true;
        }
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
        return Has(set, ascii);
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
