using System.Formats.Asn1;

namespace CertLint.Parsing;

/// <summary>
/// QcCClegislation (id-etsi-qcs-QcCClegislation, 0.4.0.1862.1.7, EN 319 412-5 §4.2.4): the country or countries under
/// whose legislation the certificate is issued as qualified, QcCClegislation ::= CountryList, CountryList ::= SEQUENCE
/// OF CountryName, CountryName ::= PrintableString (SIZE (2)) (ISO 3166 alpha-2 codes only). Whether each name is an
/// ISO 3166 code is the rules' question; this reads the syntax.
/// </summary>
internal static class QcLegislationDecoder
{
    public const string Oid = "0.4.0.1862.1.7";

    /// <summary>
    /// The CountryNames as written, and why the value breaks the syntax (null when it does not: an empty list follows
    /// it). A value that is not a DER SEQUENCE OF PrintableString throws, as every statement decoder does.
    /// </summary>
    public static (List<string> Countries, string? Problem) Decode(ReadOnlyMemory<byte> value)
    {
        var r = new AsnCursor(value, AsnEncodingRules.DER);
        var seq = r.ReadSequence();
        r.ThrowIfNotEmpty();
        var countries = new List<string>();
        string? problem = null;
        while (seq.HasData)
        {
            if (countries.Count == QcStatementsDecoder.MaxEntries) throw new AsnContentException($"more than {QcStatementsDecoder.MaxEntries} countries");
            var name = seq.ReadCharacterString(UniversalTagNumber.PrintableString);
            if (name.Length != 2) problem ??= "a CountryName is not 2 characters";
            countries.Add(name);
        }
        return (countries, problem);
    }
}
