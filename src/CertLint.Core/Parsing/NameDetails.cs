using System.Formats.Asn1;
using System.Text;
using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>A Name's attributes with their string types and validity (a PrintableString holding '@' is kept, marked invalid).</summary>
internal static class NameDetails
{
    private static readonly Asn1Tag SetTag = new(UniversalTagNumber.SetOf, isConstructed: true);

    /// <summary>Issuer names by their DER: the leaves of one CA all carry the same one, decoded once here. Subject
    /// names are not kept (nearly each is different).</summary>
    private static readonly BytesCache<Decoded> Issuers = new(maxEntries: 256, maxKeyLength: 2048);

    public static (IReadOnlyList<NameAttribute> Attributes, int Rdns) ReadIssuer(ReadOnlyMemory<byte> nameDer)
    {
        if (Issuers.TryGet(nameDer.Span, out var known)) return (known.Attributes, known.Rdns);
        var (attributes, rdns) = Read(nameDer);
        Issuers.Add(nameDer.Span, new Decoded(attributes, rdns));
        return (attributes, rdns);
    }

    public static (IReadOnlyList<NameAttribute> Attributes, int Rdns) Read(ReadOnlyMemory<byte> nameDer)
    {
        var list = new List<NameAttribute>();
        var seq = new AsnCursor(nameDer).ReadSequence();
        var rdn = 0;
        while (seq.HasData)
        {
            var set = seq.ReadSetOf(SetTag);
            var start = list.Count;
            while (set.HasData)
            {
                var atv = set.ReadSequence();
                var oid = atv.ReadObjectIdentifier();
                var (value, type, valid) = ReadString(atv.ReadEncodedValue());
                list.Add(new NameAttribute(oid, DnAttributeNames.DisplayByOid.GetValueOrDefault(oid, oid), value, type, value.Length, rdn, false, valid));
            }
            if (list.Count - start > 1)
            {
                for (var i = start; i < list.Count; i++) list[i] = list[i] with { MultiValued = true };
            }
            rdn++;
        }
        return (list, rdn);
    }

    private sealed record Decoded(IReadOnlyList<NameAttribute> Attributes, int Rdns);

    /// <summary>Text, ASN.1 string type name and whether the bytes are valid for the type.</summary>
    public static (string Value, string Type, bool Valid) ReadString(ReadOnlyMemory<byte> encoded)
    {
        var tag = Asn1Tag.Decode(encoded.Span, out _);
        var content = AsnCursor.Content(encoded);
        if (tag.TagClass != TagClass.Universal) return ("#" + Hex.Upper(encoded.Span), "other", true);
        var type = (UniversalTagNumber)tag.TagValue;
        var name = TypeName(type);
        if (name == "other") return ("#" + Hex.Upper(encoded.Span), name, true);
        try
        {
            return (new AsnCursor(encoded).ReadCharacterString(type), name, true);
        }
        catch (AsnContentException)
        {
            return (Encoding.Latin1.GetString(content.Span), name, false);
        }
    }

    public static string TypeName(UniversalTagNumber type) => type switch
    {
        UniversalTagNumber.PrintableString => "printableString",
        UniversalTagNumber.UTF8String => "utf8String",
        UniversalTagNumber.IA5String => "ia5String",
        UniversalTagNumber.T61String => "teletexString",
        UniversalTagNumber.BMPString => "bmpString",
        UniversalTagNumber.UniversalString => "universalString",
        UniversalTagNumber.VisibleString => "visibleString",
        UniversalTagNumber.NumericString => "numericString",
        _ => "other",
    };
}
