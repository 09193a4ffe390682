using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace CertLint.Rules.Primitives.DomainNames;

/// <summary>
/// The Public Suffix List's rules as an open-addressing hash table of bytes, which <see cref="PublicSuffixList"/> reads
/// in place. Built from the list's text (Data/public_suffix_list.dat, the one source) at build time by
/// CertLint.RulePrecompiler, which compiles this file too: reading the 14,000-line text and mapping its Unicode rules
/// to A-labels was 8% of a one-file run's CPU, and its arrays were fresh memory; the table costs only the pages a
/// lookup touches. Tests build it from the text again and compare.
/// </summary>
/// <remarks>
/// Layout, little-endian: a header of four int32 (entries, buckets: a power of two, ICANN rules, where the text
/// starts), the buckets (int32: 0 empty, else an entry's index + 1), the entries (int32 start in the text, uint16
/// length, byte <see cref="Set"/>, one byte unused), then the rules' ASCII text. A bucket's place is
/// <see cref="Hash"/> of the entry's set and text, probed linearly.
/// </remarks>
internal static class PublicSuffixTable
{
    /// <summary>The sets a rule belongs to; a top-level domain of the ICANN section is an entry of its own.</summary>
    internal enum Set : byte { Rule, Wildcard, Exception, Private, Tld }

    private enum Section { None, Icann, Private }

    internal const int HeaderBytes = 16;
    internal const int EntryBytes = 8;

    /// <summary>The table of the list's UTF-8 <paramref name="text"/>: the rules of its ICANN and PRIVATE sections in
    /// A-label form, each (set, text) once, compared ignoring ASCII case.</summary>
    public static byte[] Build(ReadOnlySpan<byte> text)
    {
        var entries = new List<(int Start, int Length, Set Set)>();
        var seen = new HashSet<(Set, string)>();
        var ruleText = new List<byte>();
        var icannRules = 0;
        var idn = new IdnMapping();
        void Add(byte[] body, int skip, Set set)
        {
            if (!seen.Add((set, Encoding.ASCII.GetString(body, skip, body.Length - skip).ToLowerInvariant()))) return;
            entries.Add((ruleText.Count, body.Length - skip, set));
            ruleText.AddRange(body.AsSpan(skip).ToArray());
        }
        Walk(text, (section, rule) =>
        {
            var exception = rule[0] == '!';
            var wildcard = rule.StartsWith("*."u8);
            var body = rule[(exception ? 1 : wildcard ? 2 : 0)..].ToArray();
            if (!IsPlainAscii(body))
            {
                try
                {
                    body = Encoding.ASCII.GetBytes(idn.GetAscii(Encoding.UTF8.GetString(body))); // GetAscii returns ASCII only
                }
                catch (ArgumentException)
                {
                    return;
                }
            }
            Add(body, 0, section == Section.Private ? Set.Private : exception ? Set.Exception : wildcard ? Set.Wildcard : Set.Rule);
            if (section == Section.Icann)
            {
                icannRules++;
                Add(body, Array.LastIndexOf(body, (byte)'.') + 1, Set.Tld);
            }
        });

        var buckets = (int)BitOperations.RoundUpToPowerOf2((uint)(entries.Count * 2 + 16));
        var textAt = HeaderBytes + buckets * 4 + entries.Count * EntryBytes;
        var table = new byte[textAt + ruleText.Count];
        var span = table.AsSpan();
        BinaryPrimitives.WriteInt32LittleEndian(span, entries.Count);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], buckets);
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], icannRules);
        BinaryPrimitives.WriteInt32LittleEndian(span[12..], textAt);
        var entriesAt = HeaderBytes + buckets * 4;
        ruleText.CopyTo(table, textAt);
        for (var k = 0; k < entries.Count; k++)
        {
            var (start, length, set) = entries[k];
            var at = span[(entriesAt + k * EntryBytes)..];
            BinaryPrimitives.WriteInt32LittleEndian(at, start);
            BinaryPrimitives.WriteUInt16LittleEndian(at[4..], checked((ushort)length));
            at[6] = (byte)set;
            var i = Hash(set, span.Slice(textAt + start, length)) & (buckets - 1);
            while (BinaryPrimitives.ReadInt32LittleEndian(span[(HeaderBytes + i * 4)..]) != 0) i = (i + 1) & (buckets - 1);
            BinaryPrimitives.WriteInt32LittleEndian(span[(HeaderBytes + i * 4)..], k + 1);
        }
        return table;
    }

    /// <summary>The bucket a rule's probe starts at: FNV-1a of the set and the text with ASCII letters folded to one case.</summary>
    internal static int Hash(Set set, ReadOnlySpan<byte> lowerOrUpper)
    {
        var hash = 2166136261u ^ (uint)set;
        foreach (var b in lowerOrUpper) hash = (hash ^ (uint)(b | 0x20)) * 16777619u;
        return (int)(hash & int.MaxValue);
    }

    /// <summary>Each rule of the ICANN and PRIVATE sections (the first word of a line that is not a comment), with its section.</summary>
    private static void Walk(ReadOnlySpan<byte> text, RuleVisitor rule)
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

    private delegate void RuleVisitor(Section section, ReadOnlySpan<byte> rule);

    /// <summary>
    /// Already an A-label name that <see cref="IdnMapping.GetAscii(string)"/> would return as it is (up to case, and
    /// lookups ignore case): lower-case letters, digits and inner hyphens, non-empty labels of at most 63, no xn--
    /// label (those are checked by decoding). About 9 in 10 rules skip the IDNA mapping (a test checks both ways agree
    /// on the whole list).
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
}
