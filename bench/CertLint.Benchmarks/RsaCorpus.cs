using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertLint.Rules.Primitives.Keys;

namespace CertLint.Benchmarks;

/// <summary>
/// COUNT leaf certificates with RSA 2048 keys and their public keys (100 per folder) under one EC CA, to time the
/// weak-key rules (ROCA, Fermat, small factors, exponent, batch GCD) against the same run with them turned off.
/// Real RSA key generation would take minutes; the cost of every check depends only on the modulus size, so each
/// modulus is the product of two random odd 1024-bit numbers free of factors below 752 (no rule fires on them).
/// </summary>
public static class RsaCorpus
{
    public static int Generate(string root, int count, DateTimeOffset now)
    {
        Directory.CreateDirectory(root);
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caReq = new CertificateRequest("CN=Bench RSA CA", caKey, HashAlgorithmName.SHA256);
        caReq.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caReq.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = caReq.CreateSelfSigned(now.AddYears(-1), now.AddYears(10));
        File.WriteAllText(Path.Combine(root, "ca.crt"), ca.ExportCertificatePem() + "\n");
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var rng = new Random(i);
            var spki = Spki(Odd(rng) * Odd(rng));
            var dir = Path.Combine(root, $"tenant-{i / 100:D4}");
            Directory.CreateDirectory(dir);
            var name = $"rsa-{i:D6}";
            var req = new CertificateRequest(new X500DistinguishedName($"CN={name}.bench.test"),
                PublicKey.CreateFromSubjectPublicKeyInfo(spki, out _), HashAlgorithmName.SHA256);
            req.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            req.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
            var san = new SubjectAlternativeNameBuilder();
            san.AddDnsName($"{name}.bench.test");
            req.CertificateExtensions.Add(san.Build());
            using var cert = req.Create(ca.SubjectName, X509SignatureGenerator.CreateForECDsa(caKey), now.AddDays(-10), now.AddDays(300),
                BitConverter.GetBytes((long)i + 1000));
            File.WriteAllText(Path.Combine(dir, name + ".crt"), cert.ExportCertificatePem() + "\n");
            File.WriteAllText(Path.Combine(dir, name + ".pub"), PemEncoding.WriteString("PUBLIC KEY", spki) + "\n");
        });
        return count;
    }

    private static BigInteger Odd(Random rng)
    {
        var bytes = new byte[128];
        while (true)
        {
            rng.NextBytes(bytes);
            bytes[0] |= 0xC0;
            bytes[^1] |= 1;
            var n = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
            if (!SmallPrimes.Residues(bytes, SmallPrimes.CountBelow(752)).Contains(0u)) return n;
        }
    }

    private static byte[] Spki(BigInteger modulus)
    {
        var key = new AsnWriter(AsnEncodingRules.DER);
        using (key.PushSequence())
        {
            key.WriteInteger(modulus);
            key.WriteInteger(65537);
        }
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            using (w.PushSequence())
            {
                w.WriteObjectIdentifier("1.2.840.113549.1.1.1");
                w.WriteNull();
            }
            w.WriteBitString(key.Encode());
        }
        return w.Encode();
    }
}
