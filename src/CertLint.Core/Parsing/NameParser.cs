using System.Formats.Asn1;
using System.Text;
using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>Decodes an X.500 Name into <see cref="DistinguishedName"/>: attributes, RFC 4514 text and a matching key.</summary>
internal static class NameParser
{
    private static readonly Asn1Tag SetTag = new(UniversalTagNumber.SetOf, isConstructed: true);

    /// <summary>
    /// Issuer names by their DER: the leaves of one CA all carry its name, decoded once and shared (the name is
    /// immutable; nothing compares names by reference).
    /// </summary>
    private static readonly BytesCache<DistinguishedName> Issuers = new(maxEntries: 256, maxKeyLength: 2048);

    /// <summary>Reads the next Name from <paramref name="reader"/>.</summary>
    public static DistinguishedName Read(AsnReader reader)
    {
        var cursor = new AsnCursor(reader.PeekEncodedValue(), reader.RuleSet);
        var name = Read(ref cursor);
        reader.ReadEncodedValue();
        return name;
    }

    /// <summary>Reads the next Name from <paramref name="reader"/>.</summary>
    public static DistinguishedName Read(ref AsnCursor reader)
    {
        var raw = reader.PeekEncodedValue();
        var seq = reader.ReadSequence();
        var attributes = new List<DnAttribute>();
        var rdnSizes = new List<int>();
        while (seq.HasData)
        {
            // Real certificates carry unsorted multi-valued RDNs; accept them as OpenSSL does.
            var set = seq.ReadSetOf(SetTag);
            var count = 0;
            while (set.HasData)
            {
                var atv = set.ReadSequence();
                var oid = atv.ReadObjectIdentifier();
                var value = ReadValue(ref atv);
                attributes.Add(new DnAttribute(oid, DnAttributeNames.DisplayByOid.GetValueOrDefault(oid, oid), value));
                count++;
            }
            rdnSizes.Add(count);
        }
        return new DistinguishedName(raw, KeptList.Of(attributes), FormatRfc4514(attributes, rdnSizes), NormalizedKey(attributes, rdnSizes));
    }

    /// <summary>A certificate's issuer Name: <see cref="Read(ref AsnCursor)"/>, shared by every certificate with the same encoding.</summary>
    public static DistinguishedName ReadIssuer(ref AsnCursor reader) => ReadIssuer(ref reader, Issuers);

    internal static DistinguishedName ReadIssuer(ref AsnCursor reader, BytesCache<DistinguishedName> issuers)
    {
        var encoded = reader.PeekEncodedValue();
        if (issuers.TryGet(encoded.Span, out var known))
        {
            reader.ReadEncodedValue();
            return known;
        }
        return issuers.Add(encoded.Span, Read(ref reader));
    }

    /// <summary>String types decode to text; anything else is shown as RFC 4514 "#hex" of its DER.</summary>
    private static string ReadValue(ref AsnCursor atv)
    {
        var tag = atv.PeekTag();
        if (tag.TagClass == TagClass.Universal)
        {
            var type = (UniversalTagNumber)tag.TagValue;
            switch (type)
            {
                case UniversalTagNumber.UTF8String or UniversalTagNumber.PrintableString or UniversalTagNumber.IA5String
                    or UniversalTagNumber.BMPString or UniversalTagNumber.UniversalString or UniversalTagNumber.VisibleString
                    or UniversalTagNumber.NumericString or UniversalTagNumber.T61String:
                    try
                    {
                        return atv.ReadCharacterString(type);
                    }
                    catch (AsnContentException)
                    {
                        break; // e.g. a PrintableString holding '@': show the bytes as OpenSSL would.
                    }
            }
        }
        return "#" + Hex.Upper(atv.ReadEncodedValue().Span);
    }

    /// <summary>RFC 4514: most significant RDN last, "+" inside a multi-valued RDN, special characters escaped.</summary>
    private static string FormatRfc4514(List<DnAttribute> attributes, List<int> rdnSizes)
    {
        if (attributes.Count == 0) return string.Empty;
        var sb = new StringBuilder();
        var end = attributes.Count;
        for (var r = rdnSizes.Count - 1; r >= 0; r--)
        {
            var start = end - rdnSizes[r];
            for (var i = start; i < end; i++)
            {
                if (sb.Length > 0) sb.Append(i == start ? ',' : '+');
                sb.Append(attributes[i].ShortName).Append('=');
                AppendEscaped(sb, attributes[i].Value);
            }
            end = start;
        }
        return sb.ToString();
    }

    private static void AppendEscaped(StringBuilder sb, string value)
    {
        if (value.StartsWith('#') && value.Length > 1 && IsHexForm(value))
        {
            sb.Append(value); // already the RFC 4514 hex form of a non-string value
            return;
        }
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var special = c is ',' or '+' or '"' or '\\' or '<' or '>' or ';'
                || (i == 0 && (c == '#' || c == ' '))
                || (i == value.Length - 1 && c == ' ');
            if (special) sb.Append('\\').Append(c);
            else if (c < 0x20 || c == 0x7f) sb.Append('\\').Append(((int)c).ToString("X2"));
            else sb.Append(c);
        }
    }

    private static bool IsHexForm(string value)
    {
        for (var i = 1; i < value.Length; i++)
        {
            if (!char.IsAsciiHexDigit(value[i])) return false;
        }
        return true;
    }

    /// <summary>
    /// RFC 5280 §7.1 simplified: compare attribute types exactly and values case-insensitively with internal
    /// whitespace collapsed; RDN members sorted so encoding order inside a set does not matter.
    /// </summary>
    private static string NormalizedKey(List<DnAttribute> attributes, List<int> rdnSizes)
    {
        var sb = new StringBuilder(64);
        var start = 0;
        foreach (var size in rdnSizes)
        {
            if (sb.Length > 0) sb.Append('\u001e'); // record separator: cannot occur in folded values
            if (size == 1)
            {
                AppendFolded(sb, attributes[start]); // the common case: no sorting, no temporary strings
            }
            else
            {
                var parts = new List<string>(size);
                for (var i = start; i < start + size; i++) parts.Add(AppendFolded(new StringBuilder(), attributes[i]).ToString());
                parts.Sort(StringComparer.Ordinal);
                sb.AppendJoin('\u001f', parts);
            }
            start += size;
        }
        return sb.ToString();
    }

    /// <summary>Appends "oid=value" with the value lower-cased, trimmed and internal whitespace runs collapsed to one space.</summary>
    private static StringBuilder AppendFolded(StringBuilder sb, DnAttribute attribute)
    {
        sb.Append(attribute.Oid).Append('=');
        var valueStart = sb.Length;
        var pendingSpace = false;
        foreach (var c in attribute.Value)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > valueStart;
                continue;
            }
            if (pendingSpace) sb.Append(' ');
            pendingSpace = false;
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb;
    }
}
