using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;

namespace CertLint.Tests.WeakKeys;

/// <summary>
/// Key files for the rules that need more than the key size: a prime and a prime-power modulus, a Wiener-weak and a
/// Boneh–Durfee-weak private exponent, RSA keys whose numbers disagree, EC keys with a wrong point, d = 1, d out of
/// range, and good keys that must pass. Written by hand in DER (the platform refuses to import inconsistent keys),
/// from a fixed seed: the same files on every run.
/// </summary>
internal static class PrivateKeyFixtures
{
    public const string Password = "fixture-password";
    private static readonly BigInteger E = 65537;

    public static void Write(string dir)
    {
        var rng = new Random(13);
        void Pem(string name, string label, byte[] der) => File.WriteAllText(Path.Combine(dir, name), PemEncoding.WriteString(label, der) + "\n");
        void Pub(string name, BigInteger n, BigInteger e) => Pem(name, "PUBLIC KEY", WeakKeyFixtureWriter.RsaSpki(n, e));

        Pub("prime-modulus.pub", WeakKeyMath.Prime(rng, 2048), E);
        Pub("prime-cube.pub", BigInteger.Pow(WeakKeyMath.Prime(rng, 683), 3), E);
        Pub("prime-square.pub", BigInteger.Pow(WeakKeyMath.Prime(rng, 1024), 2), E);

        var (p, q) = (WeakKeyMath.Prime(rng, 1024), WeakKeyMath.Prime(rng, 1024));
        var phi = (p - 1) * (q - 1);
        var wienerD = OddInvertible(rng, 500, phi);   // < n^¼/3 ≈ 2^510
        Pem("wiener.key", "RSA PRIVATE KEY", RsaPrivateKey(p, q, ModInverse(wienerD, phi), wienerD));
        Pub("wiener.pub", p * q, ModInverse(wienerD, phi));
        var bdD = OddInvertible(rng, 560, phi);       // between n^¼ and n^0.292 ≈ 2^597: Wiener misses it
        Pem("boneh-durfee.key", "RSA PRIVATE KEY", RsaPrivateKey(p, q, ModInverse(bdD, phi), bdD));
        Pub("boneh-durfee.pub", p * q, ModInverse(bdD, phi));

        var (p2, q2) = (WeakKeyMath.Prime(rng, 1024), WeakKeyMath.Prime(rng, 1024));
        var good = RsaPrivateKey(p2, q2, E, null);
        Pem("good-rsa.key", "RSA PRIVATE KEY", good);
        Pem("good-rsa-pkcs8.key", "PRIVATE KEY", RsaPkcs8(good));
        Pem("wrong-qinv.key", "RSA PRIVATE KEY", RsaPrivateKey(p2, q2, E, null, tamper: 8));
        Pem("wrong-dp.key", "RSA PRIVATE KEY", RsaPrivateKey(p2, q2, E, null, tamper: 6));
        var encrypted = new Pkcs8PrivateKeyInfo(new System.Security.Cryptography.Oid("1.2.840.113549.1.1.1"), Null(), RsaPrivateKey(p2, q2, E, null, tamper: 8))
            .Encrypt(Password, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 10_000));
        Pem("wrong-qinv-encrypted.key", "ENCRYPTED PRIVATE KEY", encrypted);
        File.WriteAllBytes(Path.Combine(dir, "wrong-qinv.p12"), Pkcs12(encrypted));
        // Moduli that share no prime with the keys above, so that weak-key-shared-prime stays out of these tests.
        var other = WeakKeyMath.Prime(rng, 1024) * WeakKeyMath.Prime(rng, 1024);
        Pem("n-not-pq.key", "RSA PRIVATE KEY", RsaPrivateKey(p2, q2, E, null, modulus: other));
        var compositeP = WeakKeyMath.Prime(rng, 512) * WeakKeyMath.Prime(rng, 512);
        Pem("composite-p.key", "RSA PRIVATE KEY", RsaPrivateKey(compositeP, WeakKeyMath.Prime(rng, 1024), E, null));

        using var a = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var b = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var explicitCurve = a.ExportExplicitParameters(false).Curve;
        var g = Point(explicitCurve.G);
        var order = new BigInteger(explicitCurve.Order, isUnsigned: true, isBigEndian: true);
        Pem("good-ec.key", "PRIVATE KEY", a.ExportPkcs8PrivateKey());
        Pem("good-ec-sec1.key", "EC PRIVATE KEY", a.ExportECPrivateKey());
        Pem("ec-point-mismatch.key", "EC PRIVATE KEY", Sec1(a.ExportParameters(true).D!, Point(b.ExportParameters(false).Q)));
        Pem("ec-d1.key", "EC PRIVATE KEY", Sec1(WeakKeyMath.Bytes(1, 32), g));
        Pem("ec-d-order.key", "EC PRIVATE KEY", Sec1(WeakKeyMath.Bytes(order, 32), g));
        var small = WeakKeyMath.Bytes(0x1234_5678_9ABC_DEF1, 32);
        using var smallKey = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = small });
        Pem("ec-d-small.key", "EC PRIVATE KEY", Sec1(small, Point(smallKey.ExportParameters(false).Q)));

        // Multi-prime RSA (RFC 8017 A.1.2, version 1, as openssl genpkey -pkeyopt rsa_keygen_primes:3 writes it).
        BigInteger[] three = [WeakKeyMath.Prime(rng, 704), WeakKeyMath.Prime(rng, 672), WeakKeyMath.Prime(rng, 672)];
        Pem("good-rsa-3-primes.key", "RSA PRIVATE KEY", RsaMultiPrimeKey(three, E));
        Pem("wrong-t3.key", "RSA PRIVATE KEY", RsaMultiPrimeKey(three, E, tamperLast: 2));
        Pem("wrong-d3.key", "RSA PRIVATE KEY", RsaMultiPrimeKey(three, E, tamperLast: 1));
        BigInteger[] composite = [three[0], three[1], WeakKeyMath.Prime(rng, 336) * WeakKeyMath.Prime(rng, 336)];
        Pem("composite-r3.key", "RSA PRIVATE KEY", RsaMultiPrimeKey(composite, E));
        // Version 1 (multi-prime) without otherPrimeInfos: malformed, but its two primes' numbers are still checked.
        Pem("wrong-qinv-v1.key", "RSA PRIVATE KEY", RsaPrivateKey(three[0], three[1], E, null, tamper: 8, version: 1));

        // OpenSSL's traditional DSAPrivateKey (version 0, p, q, g, y, x): y must be g^x mod p.
        using var dsa = DSA.Create(2048);
        var dp = dsa.ExportParameters(true);
        BigInteger U(byte[] b) => new(b, isUnsigned: true, isBigEndian: true);
        var (dsaP, dsaG, dsaY) = (U(dp.P!), U(dp.G!), U(dp.Y!));
        Pem("good-dsa.key", "DSA PRIVATE KEY", OpenSslDsa([0, dsaP, U(dp.Q!), dsaG, dsaY, U(dp.X!)]));
        Pem("dsa-y-mismatch.key", "DSA PRIVATE KEY", OpenSslDsa([0, dsaP, U(dp.Q!), dsaG, dsaY * dsaG % dsaP, U(dp.X!)]));
    }

    private static byte[] OpenSslDsa(BigInteger[] fields)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            foreach (var f in fields) w.WriteInteger(f);
        }
        return w.Encode();
    }

    /// <summary>
    /// A multi-prime RSAPrivateKey (RFC 8017 A.1.2: version 1, n = r1·r2·…, d = e⁻¹ mod lcm(ri − 1), dP, dQ, qInv, then
    /// OtherPrimeInfo { ri, di = d mod (ri − 1), ti = (r1·…·ri−1)⁻¹ mod ri } for i ≥ 3); <paramref name="tamperLast"/> adds 2
    /// to the last OtherPrimeInfo's field at that position (1 = di, 2 = ti).
    /// </summary>
    private static byte[] RsaMultiPrimeKey(BigInteger[] primes, BigInteger e, int tamperLast = -1)
    {
        var lambda = BigInteger.One;
        foreach (var r in primes) lambda = lambda * (r - 1) / BigInteger.GreatestCommonDivisor(lambda, r - 1);
        var d = ModInverse(e, lambda);
        var (p, q) = (primes[0], primes[1]);
        var n = primes.Aggregate(BigInteger.One, (x, r) => x * r);
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            foreach (var f in new[] { BigInteger.One, n, e, d, p, q, d % (p - 1), d % (q - 1), ModInverse(q, p) }) w.WriteInteger(f);
            using (w.PushSequence())
            {
                var product = p * q;
                for (var i = 2; i < primes.Length; i++)
                {
                    BigInteger[] info = [primes[i], d % (primes[i] - 1), ModInverse(product, primes[i])];
                    if (i == primes.Length - 1 && tamperLast >= 0) info[tamperLast] += 2;
                    using (w.PushSequence())
                    {
                        foreach (var f in info) w.WriteInteger(f);
                    }
                    product *= primes[i];
                }
            }
        }
        return w.Encode();
    }

    /// <summary>A random odd d of <paramref name="bits"/> bits invertible modulo φ.</summary>
    private static BigInteger OddInvertible(Random rng, int bits, BigInteger phi)
    {
        while (true)
        {
            var d = WeakKeyMath.Random(rng, bits) | 1;
            if (BigInteger.GreatestCommonDivisor(d, phi).IsOne) return d;
        }
    }

    /// <summary>
    /// RSAPrivateKey (RFC 8017 A.1.2) from p, q and e (d = e⁻¹ mod λ) or from a given d; <paramref name="tamper"/>
    /// adds 2 to the field at that position (6 = dP, 8 = qInv); <paramref name="modulus"/> replaces n, <paramref name="version"/>
    /// the version.
    /// </summary>
    public static byte[] RsaPrivateKey(BigInteger p, BigInteger q, BigInteger e, BigInteger? d, int tamper = -1, BigInteger? modulus = null, int version = 0)
    {
        var lambda = (p - 1) * (q - 1) / BigInteger.GreatestCommonDivisor(p - 1, q - 1);
        var dd = d ?? ModInverse(e, lambda);
        BigInteger[] fields = [version, modulus ?? p * q, e, dd, p, q, dd % (p - 1), dd % (q - 1), ModInverse(q, p)];
        if (tamper >= 0) fields[tamper] += 2;
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            foreach (var f in fields) w.WriteInteger(f);
        }
        return w.Encode();
    }

    private static byte[] RsaPkcs8(byte[] pkcs1) =>
        new Pkcs8PrivateKeyInfo(new System.Security.Cryptography.Oid("1.2.840.113549.1.1.1"), Null(), pkcs1).Encode();

    private static byte[] Null() => [0x05, 0x00];

    private static byte[] Pkcs12(byte[] encryptedPkcs8)
    {
        var contents = new Pkcs12SafeContents();
        contents.AddSafeBag(new Pkcs12ShroudedKeyBag(encryptedPkcs8));
        var builder = new Pkcs12Builder();
        builder.AddSafeContentsUnencrypted(contents);
        builder.SealWithMac(Password, HashAlgorithmName.SHA256, 2048);
        return builder.Encode();
    }

    /// <summary>SEC 1 ECPrivateKey on P-256 with the given scalar and stored public point.</summary>
    private static byte[] Sec1(byte[] scalar, byte[] point)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            w.WriteInteger(1);
            w.WriteOctetString(scalar);
            using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true))) w.WriteObjectIdentifier("1.2.840.10045.3.1.7");
            using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 1, isConstructed: true))) w.WriteBitString(point);
        }
        return w.Encode();
    }

    private static byte[] Point(ECPoint p) => [4, .. p.X!, .. p.Y!];

    private static BigInteger ModInverse(BigInteger a, BigInteger m) => WeakKeyMath.ModInverse(a, m);
}
