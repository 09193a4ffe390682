using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace CertLint.Cli.Tests.Hostile;

/// <summary>Hostile files made at test time (issue 11): nothing here is committed, so each test shows how its input is built.</summary>
internal static class HostileInputs
{
    private const string Pbes2 = "1.2.840.113549.1.5.13";
    private const string Pbkdf2 = "1.2.840.113549.1.5.12";
    private const string HmacSha256 = "1.2.840.113549.2.9";
    private const string Aes256Cbc = "2.16.840.1.101.3.4.1.42";

    /// <summary>An EncryptedPrivateKeyInfo (PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC) with any iteration count and junk ciphertext.</summary>
    public static byte[] EncryptedKeyWithIterations(long iterations)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            using (w.PushSequence())
            {
                w.WriteObjectIdentifier(Pbes2);
                using (w.PushSequence())
                {
                    using (w.PushSequence())
                    {
                        w.WriteObjectIdentifier(Pbkdf2);
                        using (w.PushSequence())
                        {
                            w.WriteOctetString(new byte[8]);
                            w.WriteInteger(iterations);
                            using (w.PushSequence())
                            {
                                w.WriteObjectIdentifier(HmacSha256);
                                w.WriteNull();
                            }
                        }
                    }
                    using (w.PushSequence())
                    {
                        w.WriteObjectIdentifier(Aes256Cbc);
                        w.WriteOctetString(new byte[16]);
                    }
                }
            }
            w.WriteOctetString(new byte[32]);
        }
        return w.Encode();
    }

    public static string Pem(string label, byte[] der) => PemEncoding.WriteString(label, der) + "\n";

    /// <summary>A self-signed EC certificate with its key, for keystores.</summary>
    public static X509Certificate2 CertificateWithKey(string cn = "hostile.test")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var req = new CertificateRequest($"CN={cn}", key, HashAlgorithmName.SHA256);
        return req.CreateSelfSigned(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2035, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    /// <summary>A real PKCS#12 (password "", AES-256 PBES2, SHA-256 MAC) whose MAC iteration count is then rewritten.</summary>
    public static byte[] Pkcs12WithMacIterations(long macIterations)
    {
        using var cert = CertificateWithKey();
        var builder = new Pkcs12Builder();
        var safe = new Pkcs12SafeContents();
        safe.AddCertificate(cert);
        safe.AddShroudedKey(cert.GetECDsaPrivateKey()!, "", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 2048));
        builder.AddSafeContentsUnencrypted(safe);
        builder.SealWithMac("", HashAlgorithmName.SHA256, 2048);
        var pfx = builder.Encode();

        var outer = new AsnReader(pfx, AsnEncodingRules.BER).ReadSequence();
        var version = outer.ReadEncodedValue();
        var authSafe = outer.ReadEncodedValue();
        var mac = outer.ReadSequence();
        var digestInfo = mac.ReadEncodedValue();
        var salt = mac.ReadOctetString();
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            w.WriteEncodedValue(version.Span);
            w.WriteEncodedValue(authSafe.Span);
            using (w.PushSequence())
            {
                w.WriteEncodedValue(digestInfo.Span);
                w.WriteOctetString(salt);
                w.WriteInteger(macIterations);
            }
        }
        return w.Encode();
    }

    /// <summary>PKCS#8 of an RSA key whose private key bytes are garbage, encrypted properly with <paramref name="password"/>.</summary>
    public static byte[] CorruptEncryptedKey(string password)
    {
        var garbage = new byte[300];
        new Random(11).NextBytes(garbage);
        garbage[0] = 0x30; // starts like a SEQUENCE, then nonsense
        var info = new Pkcs8PrivateKeyInfo(new Oid("1.2.840.113549.1.1.1"), new byte[] { 0x05, 0x00 }, garbage);
        return info.Encrypt(password, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1000));
    }

    /// <summary>A certificate bundle (SignedData) whose certificates field has a damaged tag ([2] instead of [0]).</summary>
    public static byte[] DamagedPkcs7()
    {
        using var cert = CertificateWithKey();
        var certTag = new Asn1Tag(TagClass.ContextSpecific, 2, isConstructed: true);
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            w.WriteObjectIdentifier("1.2.840.113549.1.7.2");
            using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
            using (w.PushSequence())
            {
                w.WriteInteger(1);
                using (w.PushSetOf()) { }
                using (w.PushSequence()) w.WriteObjectIdentifier("1.2.840.113549.1.7.1");
                using (w.PushSequence(certTag)) w.WriteEncodedValue(cert.RawData);
                using (w.PushSetOf()) { }
            }
        }
        return w.Encode();
    }

    /// <summary>An ECPrivateKey (RFC 5915) naming its curve, with any scalar and any stored uncompressed point.</summary>
    public static byte[] EcPrivateKey(string curveOid, byte[] scalar, byte[] x, byte[] y)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            w.WriteInteger(1);
            w.WriteOctetString(scalar);
            using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true))) w.WriteObjectIdentifier(curveOid);
            using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 1, isConstructed: true))) w.WriteBitString([0x04, .. x, .. y]);
        }
        return w.Encode();
    }
}
