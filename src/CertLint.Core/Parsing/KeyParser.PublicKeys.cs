using System.Formats.Asn1;
using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>Keys that are public keys only by what holds them: a certificate request's, an OpenSSH key line's.</summary>
public static partial class KeyParser
{
    /// <summary>A one-line OpenSSH public key.</summary>
    internal static KeyInfo OpenSshPublic(SourceLocation location, byte[] spki) =>
        Make(location, ObjectFormat.OpenSsh, KeyEncoding.OpenSshPublic, false, false, spki);

    /// <summary>
    /// A PKCS#10 CertificationRequest (RFC 2986 §4): SEQUENCE { certificationRequestInfo SEQUENCE { version, subject,
    /// subjectPKInfo, [0] attributes }, signatureAlgorithm, signature }; the key it asks a CA to certify, as a public key.
    /// The request's own signature is not checked: it proves possession to the CA, and says nothing of the key's quality.
    /// </summary>
    public static KeyInfo ParseCertificationRequest(ReadOnlyMemory<byte> der, SourceLocation location, ObjectFormat format)
    {
        var outer = new AsnReader(der, AsnEncodingRules.BER);
        var request = outer.ReadSequence();
        var info = request.ReadSequence();
        if (info.ReadInteger() != 0) throw new FormatException("certificate request: version is not v1 (0), the only one RFC 2986 defines");
        info.ReadSequence(); // subject
        var spki = info.ReadEncodedValue();
        return Make(location, format, KeyEncoding.CertificationRequest, false, false, spki);
    }
}
