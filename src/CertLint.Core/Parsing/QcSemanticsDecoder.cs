using System.Formats.Asn1;
using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>
/// RFC 3739 §3.2.6.1's pkixQCSyntax-v2 statement (id-qcs-pkixQCSyntax-v2, 1.3.6.1.5.5.7.11.2), whose statementInfo is
/// SemanticsInformation ::= SEQUENCE { semanticsIdentifier OBJECT IDENTIFIER OPTIONAL, nameRegistrationAuthorities
/// NameRegistrationAuthorities OPTIONAL } (at least one present), NameRegistrationAuthorities ::= SEQUENCE SIZE (1..MAX)
/// OF GeneralName. ETSI EN 319 412-1 §5 names, with its semanticsIdentifier, how the subject's serialNumber (natural
/// person) or organizationIdentifier (legal person) is written, and asks a national scheme (NAT-5.1.3-05,
/// LEG-5.1.4-05) to name its registration authority by URI, so the etsi pack needs the identifier and which kinds of
/// GeneralName the authorities are; their values are not decoded.
/// </summary>
internal static class QcSemanticsDecoder
{
    public const string SyntaxV2 = "1.3.6.1.5.5.7.11.2";

    /// <summary>uniformResourceIdentifier [6] IA5String, GeneralName's one URI form (RFC 5280 §4.2.1.6).</summary>
    private static readonly Asn1Tag Uri = new(TagClass.ContextSpecific, 6);

    /// <summary>
    /// The SemanticsInformation, or null when the value is not a DER SemanticsInformation (or names more than
    /// <see cref="QcStatementsDecoder.MaxEntries"/> authorities). Not a problem of the statement: RFC 3739 defines it,
    /// not ETSI, and no rule judges its form; a certificate whose statement does not decode simply names no semantics.
    /// </summary>
    public static QcSemantics? Decode(ReadOnlyMemory<byte> value)
    {
        try
        {
            var r = new AsnCursor(value, AsnEncodingRules.DER);
            var seq = r.ReadSequence();
            r.ThrowIfNotEmpty();
            var id = seq.NextIs(Asn1Tag.ObjectIdentifier) ? seq.ReadObjectIdentifier() : null;
            int? authorities = null;
            var uri = false;
            if (seq.HasData)
            {
                var names = seq.ReadSequence();
                authorities = 0;
                while (names.HasData)
                {
                    if (authorities == QcStatementsDecoder.MaxEntries) throw new AsnContentException("too many name registration authorities");
                    // Only the kind of GeneralName matters; each is read whole as one element (its length is bounded
                    // by the extension's).
                    uri |= names.PeekTag() == Uri;
                    names.ReadEncodedValue();
                    authorities++;
                }
            }
            // Anything after nameRegistrationAuthorities breaks the syntax.
            seq.ThrowIfNotEmpty();
            return new QcSemantics(id, authorities, uri);
        }
        catch (AsnContentException)
        {
            return null;
        }
    }
}
