using System.Buffers.Binary;
using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace CertLint.Fuzz;

/// <summary>
/// Seeds for the formats the fixtures hold no small file of: CRLs with extensions and entries, ML-KEM and ML-DSA keys in
/// each RFC 9935 / RFC 9881 private-key form, PKCS#12 with unusual MACs (SHA-2 family, one iteration, none, MD5,
/// PBMAC1, an unknown digest, the iterations field left out; a secret bag), and Java JKS / JCEKS keystores. Made fresh on each run
/// (no external data); <see cref="FuzzSeeds"/> hands each to the harnesses that read it. Nothing here calls
/// CertLint.Core: seeds are made in the process SharpFuzz instrumented, where engine code run outside a fuzz input
/// crashes (no AFL shared memory yet), so the JCEKS digest is written out again here.
/// </summary>
internal static class FormatSeeds
{
    private const uint JceksMagic = 0xCECECECE;

    /// <summary>(name, PEM label, DER).</summary>
    public static IEnumerable<(string Name, string Label, byte[] Der)> Der()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var ca = new CertificateRequest("CN=Fuzz CA", caKey, HashAlgorithmName.SHA256);
        ca.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        ca.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.KeyCertSign, true));
        ca.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(ca.PublicKey, false));
        using var caCert = ca.CreateSelfSigned(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        yield return ("crl-empty", "X509 CRL", Crl(caCert, entries: 0));
        yield return ("crl-entries", "X509 CRL", Crl(caCert, entries: 3));
        foreach (var (name, der) in PostQuantumKeys()) yield return (name, name.EndsWith("-spki", StringComparison.Ordinal) ? "PUBLIC KEY" : "PRIVATE KEY", der);
    }

    /// <summary>PKCS#12 files and Java keystores: binary only.</summary>
    public static IEnumerable<(string Name, byte[] Bytes)> Keystores()
    {
        using var rsa = RSA.Create(1024);
        var request = new CertificateRequest("CN=fuzz.example.test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var cert = request.CreateSelfSigned(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
        foreach (var (name, hash, iterations) in new[] { ("sha256-2048", HashAlgorithmName.SHA256, 2048), ("sha384-1", HashAlgorithmName.SHA384, 1), ("sha512-10", HashAlgorithmName.SHA512, 10) })
        {
            yield return ($"p12-mac-{name}.p12", Pfx(cert, hash, iterations));
        }
        yield return ("p12-no-mac.p12", Pfx(cert, null, 0));
        var sha1 = Pfx(cert, HashAlgorithmName.SHA1, 2048);
        yield return ("p12-mac-md5.p12", WithMac(sha1, "1.2.840.113549.2.5", 2048));
        yield return ("p12-mac-sha224.p12", WithMac(sha1, "2.16.840.1.101.3.4.2.4", 2048));
        yield return ("p12-mac-pbmac1.p12", WithMac(sha1, "1.2.840.113549.1.5.14", 2048));
        yield return ("p12-mac-pbmac1-sha256.p12", WithPbmac1(sha1));
        yield return ("p12-mac-unknown-oid.p12", WithMac(sha1, "1.2.3.4.5", 2048));
        yield return ("p12-mac-default-iterations.p12", WithMac(sha1, "1.3.14.3.2.26", null));
        yield return ("p12-secret-bag.p12", SecretBagPfx(cert));
        var bcCert = new X509CertificateParser().ReadCertificate(cert.RawData);
        var bcKey = PrivateKeyFactory.CreateKey(rsa.ExportPkcs8PrivateKey());
        var keyStore = new JksStore();
        keyStore.SetKeyEntry("server", bcKey, "changeit".ToCharArray(), [bcCert]);
        yield return ("keystore.jks", Save(keyStore, "changeit"));
        var trustStore = new JksStore();
        trustStore.SetCertificateEntry("ca", bcCert);
        var trust = Save(trustStore, "");
        var jceks = Jceks(trust, ""); // first: a consumer may parse (and zero) what it is given
        yield return ("truststore.jks", trust);
        yield return ("truststore.jceks", jceks);
        yield return ("secret-entry.jceks", JceksSecretEntry());
        yield return ("truststore.bks", BksTrustStore(cert.RawData));
    }

    /// <summary>A CRL with a CRL number and AKI (the builder's), and entries with a reason code and an invalidity date.</summary>
    private static byte[] Crl(X509Certificate2 ca, int entries)
    {
        var builder = new CertificateRevocationListBuilder();
        for (var i = 0; i < entries; i++)
        {
            builder.AddEntry(new byte[] { 0x10, (byte)(i + 1) }, new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), (X509RevocationReason)(i % 2 == 0 ? 1 : 4));
        }
        return builder.Build(ca, BigInteger.One + entries, new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), HashAlgorithmName.SHA256, null,
            new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero));
    }

    private static IEnumerable<(string Name, byte[] Der)> PostQuantumKeys()
    {
        var random = new SecureRandom();
        var kem = Pair(new MLKemKeyPairGenerator(), new MLKemKeyGenerationParameters(random, MLKemParameters.ml_kem_512));
        var dsa = Pair(new MLDsaKeyPairGenerator(), new MLDsaKeyGenerationParameters(random, MLDsaParameters.ml_dsa_44));
        yield return ("ml-kem-512-spki", SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(kem.Public).GetDerEncoded());
        yield return ("ml-dsa-44-spki", SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(dsa.Public).GetDerEncoded());
        foreach (var format in new[] { MLKemPrivateKeyParameters.Format.SeedOnly, MLKemPrivateKeyParameters.Format.EncodingOnly, MLKemPrivateKeyParameters.Format.SeedAndEncoding })
        {
            yield return ($"ml-kem-512-{format}", PrivateKeyInfoFactory.CreatePrivateKeyInfo(((MLKemPrivateKeyParameters)kem.Private).WithPreferredFormat(format)).GetDerEncoded());
        }
        foreach (var format in new[] { MLDsaPrivateKeyParameters.Format.SeedOnly, MLDsaPrivateKeyParameters.Format.EncodingOnly, MLDsaPrivateKeyParameters.Format.SeedAndEncoding })
        {
            yield return ($"ml-dsa-44-{format}", PrivateKeyInfoFactory.CreatePrivateKeyInfo(((MLDsaPrivateKeyParameters)dsa.Private).WithPreferredFormat(format)).GetDerEncoded());
        }
    }

    private static AsymmetricCipherKeyPair Pair(IAsymmetricCipherKeyPairGenerator generator, KeyGenerationParameters parameters)
    {
        generator.Init(parameters);
        return generator.GenerateKeyPair();
    }

    /// <summary>A PFX with the certificate and its key shrouded (PBES2, 2048 iterations), sealed with a MAC or without one.</summary>
    private static byte[] Pfx(X509Certificate2 cert, HashAlgorithmName? macHash, int iterations)
    {
        var pbe = new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 2048);
        var contents = new Pkcs12SafeContents();
        contents.AddCertificate(cert);
        contents.AddShroudedKey(cert.GetRSAPrivateKey()!, "", pbe);
        var builder = new Pkcs12Builder();
        builder.AddSafeContentsUnencrypted(contents);
        if (macHash is { } hash) builder.SealWithMac("", hash, iterations);
        else builder.SealWithoutIntegrity();
        return builder.Encode();
    }

    /// <summary>The PFX with its MacData's digest algorithm and iteration count (null: the field left out) replaced; the MAC no longer verifies.</summary>
    private static byte[] WithMac(byte[] pfx, string digestOid, int? iterations)
    {
        var mac = new AsnReader(pfx, AsnEncodingRules.BER).ReadSequence();
        mac.ReadEncodedValue();
        mac.ReadEncodedValue();
        var macData = mac.ReadSequence();
        var digestInfo = macData.ReadSequence();
        digestInfo.ReadSequence();
        var digest = digestInfo.ReadOctetString();
        var salt = macData.ReadOctetString();
        return WithMacData(pfx, (w, _) =>
        {
            using (w.PushSequence())
            {
                w.WriteObjectIdentifier(digestOid);
                w.WriteNull();
            }
            w.WriteOctetString(digest);
            w.PopSequence();
            w.WriteOctetString(salt);
            if (iterations is { } n) w.WriteInteger(n);
        });
    }

    /// <summary>
    /// The PFX (empty password) with a valid PBMAC1 MAC (RFC 9579): PBKDF2-HMAC-SHA256, 2,048 iterations, a 32-byte key,
    /// HMAC-SHA256 over the authSafe content, so the fuzzer starts inside the PBMAC1 verifier.
    /// </summary>
    private static byte[] WithPbmac1(byte[] pfx)
    {
        byte[] salt = [1, 2, 3, 4, 5, 6, 7, 8];
        var key = Rfc2898DeriveBytes.Pbkdf2(Array.Empty<byte>(), salt, 2048, HashAlgorithmName.SHA256, 32);
        return WithMacData(pfx, (w, content) =>
        {
            using (w.PushSequence())
            {
                w.WriteObjectIdentifier("1.2.840.113549.1.5.14");
                using (w.PushSequence())
                {
                    using (w.PushSequence())
                    {
                        w.WriteObjectIdentifier("1.2.840.113549.1.5.12");
                        using (w.PushSequence())
                        {
                            w.WriteOctetString(salt);
                            w.WriteInteger(2048);
                            w.WriteInteger(32);
                            HmacSha256(w);
                        }
                    }
                    HmacSha256(w);
                }
            }
            w.WriteOctetString(HMACSHA256.HashData(key, content));
            w.PopSequence();
            w.WriteOctetString("NOT USED"u8);
            w.WriteInteger(1);
        });

        static void HmacSha256(AsnWriter writer)
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier("1.2.840.113549.2.9");
                writer.WriteNull();
            }
        }
    }

    /// <summary>
    /// The PFX with a new MacData: <paramref name="write"/> gets the writer inside MacData's open DigestInfo (it pops
    /// that sequence after the digest, then writes macSalt and iterations) and the authSafe content the MAC covers.
    /// </summary>
    private static byte[] WithMacData(byte[] pfx, Action<AsnWriter, byte[]> write)
    {
        var outer = new AsnReader(pfx, AsnEncodingRules.BER).ReadSequence();
        var version = outer.ReadEncodedValue();
        var authSafe = outer.ReadEncodedValue();
        var contentInfo = new AsnReader(authSafe, AsnEncodingRules.BER).ReadSequence();
        contentInfo.ReadObjectIdentifier();
        var content = contentInfo.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)).ReadOctetString();
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            w.WriteEncodedValue(version.Span);
            w.WriteEncodedValue(authSafe.Span);
            using (w.PushSequence())
            {
                w.PushSequence();
                write(w, content);
            }
        }
        return w.Encode();
    }

    private static byte[] Save(JksStore store, string password)
    {
        using var stream = new MemoryStream();
        store.Save(stream, password.ToCharArray());
        return stream.ToArray();
    }

    /// <summary>
    /// A PKCS#12 with a secret bag (RFC 7292 §4.2.5) beside a certificate, both in one unencrypted safe, its MAC under the
    /// empty password with few iterations: the harnesses open it, so the secret bag's walk is reached (keytool's own files
    /// have 10,000 iterations and a password).
    /// </summary>
    private static byte[] SecretBagPfx(X509Certificate2 cert)
    {
        var safe = new Pkcs12SafeContents();
        var value = new AsnWriter(AsnEncodingRules.DER);
        value.WriteOctetString(new byte[32]);
        safe.AddSecret(new System.Security.Cryptography.Oid("2.16.840.1.101.3.4.1.42"), value.Encode()); // a 256-bit AES key in clear
        safe.AddCertificate(cert);
        var builder = new Pkcs12Builder();
        builder.AddSafeContentsUnencrypted(safe);
        builder.SealWithMac("", HashAlgorithmName.SHA256, 16);
        return builder.Encode();
    }

    /// <summary>A JKS holding only certificates has JCEKS's layout: the other magic and the digest recomputed.</summary>
    private static byte[] Jceks(byte[] jks, string password)
    {
        var bytes = (byte[])jks.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(bytes, JceksMagic);
        var body = bytes.Length - 20;
        StoreDigest(bytes.AsSpan(0, body), password).CopyTo(bytes, body);
        return bytes;
    }

    /// <summary>A JCEKS whose one entry is a secret key (tag 3): a short stand-in for Java's serialised SealedObject.</summary>
    private static byte[] JceksSecretEntry()
    {
        using var stream = new MemoryStream();
        var w = new BinaryWriter(stream);
        foreach (var v in new uint[] { JceksMagic, 2, 1, 3 }) w.Write(BinaryPrimitives.ReverseEndianness(v));
        w.Write(BinaryPrimitives.ReverseEndianness((ushort)3));
        w.Write("key"u8);
        w.Write(0L);
        w.Write(new byte[] { 0xAC, 0xED, 0x00, 0x05, 0x73, 0x72 });
        w.Write(new byte[20]);
        return stream.ToArray();
    }

    /// <summary>A BKS truststore of one certificate (version 2, 1,024 iterations) whose MAC is zeros: no password verifies it.</summary>
    private static byte[] BksTrustStore(byte[] certificate)
    {
        using var stream = new MemoryStream();
        var w = new BinaryWriter(stream);
        foreach (var v in new uint[] { 2, 20 }) w.Write(BinaryPrimitives.ReverseEndianness(v));
        w.Write(new byte[20]);
        w.Write(BinaryPrimitives.ReverseEndianness(1024u));
        byte[] entry = [1, 0, 2, (byte)'c', (byte)'a', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, .. "X.509"u8]; // type, alias, date, no chain, type
        w.Write(entry);
        w.Write(BinaryPrimitives.ReverseEndianness((uint)certificate.Length));
        w.Write(certificate);
        w.Write((byte)0);
        w.Write(new byte[20]);
        return stream.ToArray();
    }

    /// <summary>JKS and JCEKS's store digest: SHA-1 over the password's UTF-16BE bytes, "Mighty Aphrodite" and the store.</summary>
    private static byte[] StoreDigest(ReadOnlySpan<byte> data, string password)
    {
        using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        foreach (var c in password) sha1.AppendData([(byte)(c >> 8), (byte)c]);
        sha1.AppendData("Mighty Aphrodite"u8);
        sha1.AppendData(data);
        return sha1.GetHashAndReset();
    }
}
