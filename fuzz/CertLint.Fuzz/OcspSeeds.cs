using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1.Oiw;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Ocsp;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace CertLint.Fuzz;

/// <summary>
/// Seeds of the `ocsp` harness (<see cref="OcspTarget"/>): a server's chain (leaf, issuing CA) with a stapled OCSP
/// response about the leaf, good, revoked, and signed by a responder the CA certified for id-kp-OCSPSigning (its
/// certificate in the response); one also lists CA names in a CertificateRequest. Fresh keys on each run; nothing here
/// calls CertLint.Core (see <see cref="FormatSeeds"/>).
/// </summary>
public static class OcspSeeds
{
    private static readonly DateTimeOffset NotBefore = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), NotAfter = new(2028, 1, 1, 0, 0, 0, TimeSpan.Zero);

    internal static IEnumerable<(string Name, byte[] Bytes)> All()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Fuzz OCSP CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(NotBefore, NotAfter);
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var leaf = Issue(ca, "CN=peer.fuzz.test", leafKey, [0x51, 0x01], "1.3.6.1.5.5.7.3.1", "peer.fuzz.test");
        using var responderKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var responder = Issue(ca, "CN=Fuzz OCSP Responder", responderKey, [0x51, 0x02], "1.3.6.1.5.5.7.3.9", null);

        (byte, byte[])[] chain = [(OcspTarget.Certificate, leaf.RawData), (OcspTarget.Certificate, ca.RawData)];
        var good = Response(ca, leaf, caKey, ca, revoked: false);
        yield return ("gen-ocsp-good.bin", OcspTarget.Join([.. chain, (OcspTarget.Staple, good)]));
        yield return ("gen-ocsp-revoked.bin", OcspTarget.Join([.. chain, (OcspTarget.Staple, Response(ca, leaf, caKey, ca, revoked: true))]));
        yield return ("gen-ocsp-responder.bin", OcspTarget.Join([.. chain, (OcspTarget.Staple, Response(ca, leaf, responderKey, responder, revoked: false))]));
        yield return ("gen-ocsp-ca-names.bin", OcspTarget.Join([.. chain, (OcspTarget.Staple, good),
            (OcspTarget.CaName, ca.SubjectName.RawData), (OcspTarget.CaName, new X500DistinguishedName("CN=Other CA, O=Fuzz").RawData)]));
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string subject, ECDsa key, byte[] serial, string eku, string? dnsName)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(eku)], false));
        if (dnsName is not null)
        {
            var san = new SubjectAlternativeNameBuilder();
            san.AddDnsName(dnsName);
            request.CertificateExtensions.Add(san.Build());
        }
        return request.Create(ca, NotBefore, NotAfter, serial);
    }

    private static byte[] Response(X509Certificate2 issuer, X509Certificate2 leaf, ECDsa signerKey, X509Certificate2 signer, bool revoked) =>
        Build(issuer.RawData, leaf.RawData, signer.RawData, signerKey.ExportPkcs8PrivateKey(), revoked);

    /// <summary>
    /// A successful BasicOCSPResponse about <paramref name="leafDer"/>, updated around <see cref="OcspTarget.Now"/>, signed
    /// (ECDSA with SHA-256) by the signer's PKCS#8 key, its certificate included: after <paramref name="otherResponses"/>
    /// responses about other serials, with a non-critical response extension of <paramref name="extensionBytes"/> when
    /// above zero. The hostile peer tests build theirs with it too.
    /// </summary>
    public static byte[] Build(byte[] issuerDer, byte[] leafDer, byte[] signerDer, byte[] signerPkcs8, bool revoked, int otherResponses = 0, int extensionBytes = 0)
    {
        var parser = new X509CertificateParser();
        BcCertificate bcIssuer = parser.ReadCertificate(issuerDer), bcLeaf = parser.ReadCertificate(leafDer), bcSigner = parser.ReadCertificate(signerDer);
        var now = OcspTarget.Now.UtcDateTime;
        var generator = new BasicOcspRespGenerator(new RespID(bcSigner.SubjectDN));
        var sha1 = new AlgorithmIdentifier(OiwObjectIdentifiers.IdSha1, Org.BouncyCastle.Asn1.DerNull.Instance);
        for (var i = 0; i < otherResponses; i++)
        {
            generator.AddResponse(new CertificateID(sha1, bcIssuer, Org.BouncyCastle.Math.BigInteger.ValueOf(1_000_000 + i)), CertificateStatus.Good, now.AddHours(-1), now.AddDays(3), null);
        }
        CertificateStatus status = revoked ? new RevokedStatus(now.AddDays(-2), CrlReason.KeyCompromise) : CertificateStatus.Good;
        generator.AddResponse(new CertificateID(sha1, bcIssuer, bcLeaf.SerialNumber), status, now.AddHours(-1), now.AddDays(3), null);
        if (extensionBytes > 0)
        {
            var extensions = new X509ExtensionsGenerator();
            extensions.AddExtension(new Org.BouncyCastle.Asn1.DerObjectIdentifier("1.3.6.1.4.1.99999.1"), false, new Org.BouncyCastle.Asn1.DerOctetString(new byte[extensionBytes]));
            generator.SetResponseExtensions(extensions.Generate());
        }
        var key = PrivateKeyFactory.CreateKey(signerPkcs8);
        var basic = generator.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", key), [bcSigner], now.AddHours(-1));
        return new OCSPRespGenerator().Generate(OcspRespStatus.Successful, basic).GetEncoded();
    }
}
