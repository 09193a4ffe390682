using System.Formats.Asn1;
using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>
/// Decodes <see cref="CertificateDetails"/> from a parsed certificate's DER, tolerantly (BER): each part that fails is
/// recorded as malformed and the walk goes on, so one odd extension never hides the certificate from other rules.
/// </summary>
internal static class CertificateDetailsParser
{
    private static readonly Asn1Tag Context0 = new(TagClass.ContextSpecific, 0, isConstructed: true);
    private static readonly Asn1Tag Context1 = new(TagClass.ContextSpecific, 1);
    private static readonly Asn1Tag Context2 = new(TagClass.ContextSpecific, 2);
    private static readonly Asn1Tag Context3 = new(TagClass.ContextSpecific, 3, isConstructed: true);

    /// <summary>Never throws: a certificate whose structure defeats the walk is one malformed `certificate` part.</summary>
    public static CertificateDetails ParseSafely(CertificateInfo cert)
    {
        try
        {
            return Parse(cert);
        }
        catch (Exception e) when (e is AsnContentException or ArgumentException or FormatException or OverflowException or InvalidOperationException)
        {
            return new CertificateDetails { Malformed = ["certificate"] };
        }
    }

    public static CertificateDetails Parse(CertificateInfo cert)
    {
        var malformed = new List<string>();
        var certificate = new AsnReader(cert.Raw, AsnEncodingRules.BER).ReadSequence();
        var tbs = certificate.ReadSequence();
        var outer = Try(malformed, "signature", () => Algorithm(certificate));
        var versionExplicit = tbs.HasData && tbs.PeekTag().HasSameClassAndValue(Context0);
        if (versionExplicit) tbs.ReadEncodedValue();
        var serial = Asn1Helpers.ReadIntegerContent(tbs, out _).ToArray();
        var tbsSignature = Try(malformed, "tbsSignature", () => Algorithm(tbs));
        var issuerName = tbs.ReadEncodedValue();
        var validity = tbs.ReadSequence();
        var notBefore = Try(malformed, "validity.notBefore", () => Time(validity));
        var notAfter = Try(malformed, "validity.notAfter", () => Time(validity));
        var subjectName = tbs.ReadEncodedValue();
        var spki = tbs.ReadSequence();
        var keyAlgorithm = Try(malformed, "key", () => Algorithm(spki));
        var keyBits = Try(malformed, "key", () => spki.ReadEncodedValue());
        var exponent = cert.PublicKey.Algorithm == KeyAlgorithm.Rsa ? Try(malformed, "key", () => (System.Numerics.BigInteger?)KeyNumbersParser.RsaExponent(keyBits)) : null;
        var dsa = cert.PublicKey.Algorithm == KeyAlgorithm.Dsa ? Try(malformed, "key", () => KeyNumbersParser.Dsa(keyAlgorithm, keyBits)) : null;
        var issuerUid = tbs.HasData && tbs.PeekTag().HasSameClassAndValue(Context1);
        if (issuerUid) tbs.ReadEncodedValue();
        var subjectUid = tbs.HasData && tbs.PeekTag().HasSameClassAndValue(Context2);
        if (subjectUid) tbs.ReadEncodedValue();

        var (subject, subjectRdns) = Try(malformed, "subject", () => NameDetails.Read(subjectName));
        var (issuer, issuerRdns) = Try(malformed, "issuerName", () => NameDetails.Read(issuerName));
        var extensions = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var ext in cert.Extensions)
        {
            if (extensions.ContainsKey(ext.Oid)) continue;
            try
            {
                if (ExtensionDetailsDecoder.Decode(ext) is { } decoded) extensions[ext.Oid] = decoded;
            }
            catch (Exception e) when (e is AsnContentException or ArgumentException or FormatException or OverflowException or InvalidOperationException)
            {
                malformed.Add(ext.Oid);
            }
        }
        return new CertificateDetails
        {
            VersionExplicit = versionExplicit,
            SerialContent = serial,
            TbsSignature = tbsSignature,
            OuterSignature = outer,
            NotBefore = notBefore,
            NotAfter = notAfter,
            SubjectAttributes = subject ?? [],
            IssuerAttributes = issuer ?? [],
            SubjectRdns = subjectRdns,
            IssuerRdns = issuerRdns,
            KeyAlgorithm = keyAlgorithm,
            RsaExponent = exponent is { } big && big >= long.MinValue && big <= long.MaxValue ? (long)big : null,
            RsaExponentValue = exponent,
            Dsa = dsa,
            IssuerUniqueId = issuerUid,
            SubjectUniqueId = subjectUid,
            Extensions = extensions,
            Malformed = malformed,
        };
    }

    private static T? Try<T>(List<string> malformed, string part, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is AsnContentException or ArgumentException or FormatException or OverflowException or InvalidOperationException)
        {
            if (!malformed.Contains(part)) malformed.Add(part);
            return default;
        }
    }

    internal static AlgorithmDetails Algorithm(AsnReader reader)
    {
        var der = reader.PeekEncodedValue();
        var (oid, parameters) = Asn1Helpers.ReadAlgorithmIdentifier(reader);
        var state = parameters.IsEmpty ? "absent" : parameters.Span.SequenceEqual(new byte[] { 5, 0 }) ? "null" : "present";
        return new AlgorithmDetails(oid, state, Convert.ToHexString(parameters.Span), Convert.ToHexString(der.Span));
    }

    private static TimeDetails Time(AsnReader reader)
    {
        var tag = reader.PeekTag();
        var utc = tag.HasSameClassAndValue(Asn1Tag.UtcTime);
        if (!utc && !tag.HasSameClassAndValue(Asn1Tag.GeneralizedTime)) throw new AsnContentException("not a Time");
        var raw = System.Text.Encoding.ASCII.GetString(Content(reader.ReadEncodedValue()).Span);
        var der = raw.EndsWith('Z') && (utc ? raw.Length == 13 : raw.Length == 15) && raw[..^1].All(char.IsAsciiDigit);
        return new TimeDetails(utc ? "utcTime" : "generalizedTime", raw, der);
    }

    /// <summary>The content octets of any encoded value (primitive), whatever its tag.</summary>
    internal static ReadOnlyMemory<byte> Content(ReadOnlyMemory<byte> encoded)
    {
        AsnDecoder.ReadEncodedValue(encoded.Span, AsnEncodingRules.BER, out var offset, out var length, out _);
        return encoded.Slice(offset, length);
    }
}
