using System.Formats.Asn1;
using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>
/// DER X.509 certificate -> <see cref="CertificateInfo"/> with System.Formats.Asn1 only (no X509Certificate2: this is the
/// hot path). Byte fields are slices of the input, not copies, so keep the input buffer immutable.
/// Throws <see cref="AsnContentException"/> (or another exception) on malformed input; <see cref="FileParser"/> turns that into a ParseIssue.
/// </summary>
public static class CertificateParser
{
    private static readonly Asn1Tag Context0 = new(TagClass.ContextSpecific, 0, isConstructed: true);
    private static readonly Asn1Tag Context1 = new(TagClass.ContextSpecific, 1);
    private static readonly Asn1Tag Context2 = new(TagClass.ContextSpecific, 2);
    private static readonly Asn1Tag Context3 = new(TagClass.ContextSpecific, 3, isConstructed: true);

    /// <summary>Parses exactly one DER certificate; trailing bytes are an error.</summary>
    public static CertificateInfo Parse(ReadOnlyMemory<byte> der, SourceLocation location, ObjectFormat format)
    {
        var reader = new AsnCursor(der, AsnEncodingRules.DER);
        var cert = ReadEncoded(reader.ReadEncodedValue(), location, format);
        if (reader.HasData) throw new AsnContentException($"{reader.PeekEncodedValue().Length} unexpected bytes after the certificate");
        return cert;
    }

    /// <summary>Parses one DER X.500 Name (e.g. a TLS CertificateRequest's certificate_authorities entry).</summary>
    public static DistinguishedName ParseName(ReadOnlyMemory<byte> der) => NameParser.Read(new AsnReader(der, AsnEncodingRules.DER));

    /// <summary>Reads the next certificate from <paramref name="reader"/> (PKCS#7 sets, TRUSTED CERTIFICATE prefixes).</summary>
    public static CertificateInfo Read(AsnReader reader, SourceLocation location, ObjectFormat format) =>
        ReadEncoded(reader.ReadEncodedValue(), location, format);

    private static CertificateInfo ReadEncoded(ReadOnlyMemory<byte> raw, SourceLocation location, ObjectFormat format)
    {
        try
        {
            return Read(raw, location, format, AsnEncodingRules.DER, null);
        }
        catch (AsnContentException e)
        {
            // Not DER: read it again with BER so the profile rules can judge it (field `der`), instead of one parse error.
            try
            {
                return Read(raw, location, format, AsnEncodingRules.BER, e.Message);
            }
            catch (AsnContentException)
            {
                throw e;
            }
        }
    }

    private static CertificateInfo Read(ReadOnlyMemory<byte> raw, SourceLocation location, ObjectFormat format, AsnEncodingRules rules, string? derError)
    {
        var certificate = new AsnCursor(raw, rules).ReadSequence();
        var tbsRaw = certificate.PeekEncodedValue();
        var tbs = certificate.ReadSequence();
        var (sigOid, sigParams) = Asn1Helpers.ReadAlgorithmIdentifier(ref certificate);
        var sigValue = certificate.ReadBitString(out _);
        certificate.ThrowIfNotEmpty();

        var version = 1;
        if (tbs.PeekTag().HasSameClassAndValue(Context0))
        {
            var explicitVersion = tbs.ReadSequence(Context0);
            version = explicitVersion.TryReadInt32(out var v) ? v + 1 : throw new AsnContentException("version is out of range");
        }
        var serialLength = Asn1Helpers.ReadIntegerContent(ref tbs, out var serialEncoded).Length;
        Asn1Helpers.ReadAlgorithmIdentifier(ref tbs); // inner signature algorithm: the outer one is authoritative for rules
        var issuer = NameParser.ReadIssuer(ref tbs);
        var validity = tbs.ReadSequence();
        var notBefore = ReadTime(ref validity);
        var notAfter = ReadTime(ref validity);
        var subject = NameParser.Read(ref tbs);
        var publicKey = SpkiParser.Read(ref tbs);
        if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(Context1)) tbs.ReadEncodedValue(); // issuerUniqueID
        if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(Context2)) tbs.ReadEncodedValue(); // subjectUniqueID
        var extensions = tbs.HasData && tbs.PeekTag().HasSameClassAndValue(Context3) ? ReadExtensions(tbs.ReadSequence(Context3)) : [];
        tbs.ThrowIfNotEmpty();

        var decoded = new DecodedExtensions(extensions);
        var signature = MakeSignature(sigOid, sigParams, sigValue);

        return new CertificateInfo
        {
            Location = location,
            Format = format,
            Raw = raw,
            TbsRaw = tbsRaw,
            Version = version,
            SerialContent = serialEncoded[^serialLength..],
            Subject = subject,
            Issuer = issuer,
            NotBefore = notBefore,
            NotAfter = notAfter,
            PublicKey = publicKey,
            Signature = signature,
            Extensions = extensions,
            SubjectAltNames = decoded.SubjectAltNames,
            ExtendedKeyUsage = decoded.ExtendedKeyUsage,
            KeyUsage = decoded.KeyUsage,
            BasicConstraints = decoded.BasicConstraints,
            SubjectKeyIdentifier = decoded.SubjectKeyIdentifier,
            AuthorityKeyId = decoded.AuthorityKeyId,
            CrlDistributionPoints = decoded.CrlDistributionPoints,
            AuthorityInfoAccess = decoded.AuthorityInfoAccess,
            Policies = decoded.Policies,
            Sha256 = Asn1Helpers.Sha256Hex(raw.Span),
            DerError = derError,
        };
    }

    /// <summary>A signature's algorithm names and value (certificates and CRLs alike).</summary>
    internal static SignatureInfo MakeSignature(string sigOid, ReadOnlyMemory<byte> sigParams, ReadOnlyMemory<byte> sigValue) =>
        OidNames.SignatureAlgorithms.TryGetValue(sigOid, out var known)
            ? new SignatureInfo(sigOid, known.Name, known.Hash ?? PssHash(sigOid, sigParams), sigParams, sigValue)
            : new SignatureInfo(sigOid, sigOid, null, sigParams, sigValue);

    /// <summary>UTCTime (years 1950-2049, RFC 5280) or GeneralizedTime.</summary>
    internal static DateTimeOffset ReadTime(AsnReader reader) =>
        reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? reader.ReadUtcTime(2049) : reader.ReadGeneralizedTime();

    internal static DateTimeOffset ReadTime(ref AsnCursor reader) =>
        reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? reader.ReadUtcTime(2049) : reader.ReadGeneralizedTime();

    /// <summary>The Extensions SEQUENCE that fills <paramref name="wrapper"/> (a CRL's [0], a certificate's [3]).</summary>
    internal static ExtensionInfo[] ReadExtensions(AsnReader wrapper)
    {
        var encoded = wrapper.PeekEncodedValue();
        wrapper.ReadSequence();
        wrapper.ThrowIfNotEmpty();
        return ReadExtensions(new AsnCursor(encoded, wrapper.RuleSet));
    }

    internal static ExtensionInfo[] ReadExtensions(AsnCursor wrapper)
    {
        var list = new List<ExtensionInfo>();
        var seq = wrapper.ReadSequence();
        wrapper.ThrowIfNotEmpty();
        while (seq.HasData)
        {
            var ext = seq.ReadSequence();
            var oid = ext.ReadObjectIdentifier();
            var critical = ext.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean) && ext.ReadBoolean();
            list.Add(new ExtensionInfo(oid, critical, ext.ReadOctetString()));
            ext.ThrowIfNotEmpty();
        }
        return KeptList.Of(list);
    }

    /// <summary>RSASSA-PSS names its hash in the parameters; absent means SHA-1 (RFC 4055).</summary>
    private static string? PssHash(string oid, ReadOnlyMemory<byte> parameters)
    {
        if (oid != OidNames.RsaPss) return null;
        if (parameters.IsEmpty) return "SHA1";
        try
        {
            var seq = new AsnReader(parameters, AsnEncodingRules.BER).ReadSequence();
            if (!seq.HasData || !seq.PeekTag().HasSameClassAndValue(Context0)) return "SHA1";
            var (hashOid, _) = Asn1Helpers.ReadAlgorithmIdentifier(seq.ReadSequence(Context0));
            return OidNames.Hashes.GetValueOrDefault(hashOid, hashOid);
        }
        catch (AsnContentException)
        {
            return null;
        }
    }
}
