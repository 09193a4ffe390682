using System.Formats.Asn1;

namespace CertLint.Parsing;

/// <summary>
/// RFC 3739 §3.2.6.1's pkixQCSyntax-v2 statement (id-qcs-pkixQCSyntax-v2, 1.3.6.1.5.5.7.11.2), whose statementInfo is
/// SemanticsInformation ::= SEQUENCE { semanticsIdentifier OBJECT IDENTIFIER OPTIONAL, nameRegistrationAuthorities
/// NameRegistrationAuthorities OPTIONAL } (at least one present). ETSI EN 319 412-1 §5 names, with its
/// semanticsIdentifier, how the subject's serialNumber (natural person) or organizationIdentifier (legal person) is
/// written, so the etsi pack needs the identifier; the name registration authorities are skipped, not decoded.
/// </summary>
internal static class QcSemanticsDecoder
{
    public const string SyntaxV2 = "1.3.6.1.5.5.7.11.2";

    /// <summary>
    /// The semanticsIdentifier, or null when there is none or the value is not a DER SemanticsInformation. Not a
    /// problem of the statement: RFC 3739 defines it, not ETSI, and no rule judges its form; a certificate whose
    /// statement does not decode simply names no semantics.
    /// </summary>
    public static string? Identifier(ReadOnlyMemory<byte> value)
    {
        try
        {
            var r = new AsnCursor(value, AsnEncodingRules.DER);
            var seq = r.ReadSequence();
            r.ThrowIfNotEmpty();
            var id = seq.NextIs(Asn1Tag.ObjectIdentifier) ? seq.ReadObjectIdentifier() : null;
            // nameRegistrationAuthorities: a SEQUENCE OF GeneralName, read whole as one element (its length is the
            // extension's bound); anything after it breaks the syntax.
            if (seq.HasData) seq.ReadSequence();
            seq.ThrowIfNotEmpty();
            return id;
        }
        catch (AsnContentException)
        {
            return null;
        }
    }
}
