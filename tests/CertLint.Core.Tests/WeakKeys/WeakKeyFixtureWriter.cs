using System.Buffers.Binary;
using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CertLint.Tests.WeakKeys;

/// <summary>
/// Writes tests/fixtures/weak-keys: one file or pair per defect that size alone does not reveal, plus good keys.
/// Run it with `dotnet test --filter Name=Regenerate_weak_key_fixtures` after changing it, and commit the files;
/// the rule tests read the committed files. A fixed seed keeps the output reproducible.
/// </summary>
public sealed class WeakKeyFixtureWriter
{
    private static readonly DateTimeOffset NotBefore = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NotAfter = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Test, Explicit("writes the committed fixtures")]
    public void Regenerate_weak_key_fixtures()
    {
        var dir = Path.Combine(BuiltInRules.Samples.RepoRoot, "tests", "fixtures", "weak-keys");
        Directory.CreateDirectory(dir);
        var rng = new Random(16);
        void Write(string name, string pem) => File.WriteAllText(Path.Combine(dir, name), pem.TrimEnd() + "\n");
        void Pair(string name, RSA key)
        {
            Write(name + ".crt", SelfSigned(name, key).ExportCertificatePem());
            Write(name + ".key", key.ExportPkcs8PrivateKeyPem());
        }

        Pair("roca", WeakKeyMath.Rsa(WeakKeyMath.RocaPrime(rng, 1024), WeakKeyMath.RocaPrime(rng, 1024)));
        var p = WeakKeyMath.Prime(rng, 1024);
        Pair("fermat", WeakKeyMath.Rsa(p, WeakKeyMath.NextPrime(p + (BigInteger.One << 500), rng)));
        var shared = WeakKeyMath.Prime(rng, 1024);
        Pair("shared-prime-a", WeakKeyMath.Rsa(shared, WeakKeyMath.Prime(rng, 1024)));
        Pair("shared-prime-b", WeakKeyMath.Rsa(WeakKeyMath.Prime(rng, 1024), shared));
        Pair("good-rsa", WeakKeyMath.Rsa(WeakKeyMath.Prime(rng, 1024), WeakKeyMath.Prime(rng, 1024)));

        var n = WeakKeyMath.Prime(rng, 1024) * WeakKeyMath.Prime(rng, 1024);
        Write("small-factor.pub", PublicKey(RsaSpki(3 * WeakKeyMath.Prime(rng, 2046), 65537)));
        Write("even-modulus.pub", PublicKey(RsaSpki(n + 1, 65537)));
        Write("exponent-1.pub", PublicKey(RsaSpki(n, 1)));
        Write("exponent-even.pub", PublicKey(RsaSpki(n, 65536)));
        Write("exponent-3.pub", PublicKey(RsaSpki(n, 3)));

        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var point = ec.ExportParameters(false).Q;
        Write("good-ec.pub", PublicKey(ec.ExportSubjectPublicKeyInfo()));
        point.Y![^1] ^= 1;
        Write("ec-off-curve.pub", PublicKey(EcSpki([4, .. point.X!, .. point.Y])));
        Write("ec-identity.pub", PublicKey(EcSpki([0])));
        using var explicitEc = ECDsa.Create(ec.ExportExplicitParameters(false));
        Write("ec-explicit.pub", PublicKey(explicitEc.ExportSubjectPublicKeyInfo()));
        using var dsa = DSA.Create(2048);
        Write("dsa.pub", PublicKey(dsa.ExportSubjectPublicKeyInfo()));

        // A leaf a public CA would issue (CA/B Forum DV policy), with its key committed beside it; and a private-CA one.
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caReq = new CertificateRequest("CN=Example Public TLS CA", caKey, HashAlgorithmName.SHA256);
        caReq.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var ca = caReq.CreateSelfSigned(NotBefore, NotAfter);
        foreach (var (name, policy) in new[] { ("public-dv", "2.23.140.1.2.1"), ("private-mtls", "1.3.6.1.4.1.55555.1") })
        {
            using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var req = new CertificateRequest($"CN={name}.example.com", leafKey, HashAlgorithmName.SHA256);
            req.CertificateExtensions.Add(new X509Extension("2.5.29.32", Policies(policy), false));
            using var leaf = req.Create(ca, NotBefore, NotAfter, [1, 2, (byte)name.Length]);
            Write(name + ".crt", leaf.ExportCertificatePem());
            Write(name + ".key", leafKey.ExportPkcs8PrivateKeyPem());
        }
    }

    /// <summary>
    /// The moduli weak-key-rsa-pattern judges (public keys only, from a fixed seed and no system randomness, so they
    /// regenerate byte for byte), plus modulus 0 for weak-key-rsa-even-modulus. Separate from the method above, whose
    /// EC, DSA and CA keys come from the system generator: running this one leaves those files as they are.
    /// </summary>
    [Test, Explicit("writes the committed fixtures")]
    public void Regenerate_modulus_pattern_fixtures()
    {
        var dir = Path.Combine(BuiltInRules.Samples.RepoRoot, "tests", "fixtures", "weak-keys");
        var rng = new Random(347);
        void Write(string name, BigInteger n) => File.WriteAllText(Path.Combine(dir, name), PublicKey(RsaSpki(n, 65537)).TrimEnd() + "\n");

        // The first primes after round numbers: a modulus of mostly zero octets.
        Write("pattern-zeros.pub", WeakKeyMath.NextPrime(new BigInteger(0xC0) << 1016, rng) * WeakKeyMath.NextPrime(new BigInteger(0xE0) << 1016, rng));
        // Primes that are polynomials in 2^128 with 32-bit coefficients: about a quarter of the modulus's bits are set.
        Write("sparse-poly.pub", SparsePrime(rng) * SparsePrime(rng));
        // A random odd modulus with no factor up to 65,537 whose first 16 encoded octets make the xz-utils header.
        Write("xz-header.pub", XzHeader(rng));
        // Upper half chosen (three quarters of its bits set), lower half random: a vanity key, not reported.
        Write("vanity.pub", Vanity(rng));
        Write("modulus-zero.pub", BigInteger.Zero);
        // A factor above the BR's 752 and below badkeys' 65,537 (badkeys' own test key has 31,337 too).
        Write("small-factor-31337.pub", 31337 * WeakKeyMath.Prime(rng, 2033));
    }

    private static BigInteger SparsePrime(Random rng)
    {
        var p = BigInteger.Zero;
        for (var i = 0; i < 9; i++) p |= (WeakKeyMath.Random(rng, 32) | BigInteger.One) << (128 * i);
        while (!WeakKeyMath.IsProbablePrime(p, rng)) p += 2;
        return p;
    }

    private static BigInteger NoSmallFactor(Random rng, Func<BigInteger> candidate)
    {
        while (true)
        {
            var n = candidate() | BigInteger.One;
            var ok = true;
            for (var d = 3; d < 65538 && ok; d += 2) ok = n % d != 0; // weak-key-small-factor's default bound
            if (ok && !WeakKeyMath.IsProbablePrime(n, rng)) return n;
        }
    }

    private static BigInteger XzHeader(Random rng) => NoSmallFactor(rng, () =>
    {
        var octets = new byte[256];
        rng.NextBytes(octets);
        octets[0] |= 0x80;
        // Encoded with a leading zero octet: a = the LE word (0, n0, n1, n2), b = (n3 .. n6), c = (n7 .. n14).
        ulong a = BinaryPrimitives.ReadUInt32LittleEndian([0, octets[0], octets[1], octets[2]]);
        ulong b = BinaryPrimitives.ReadUInt32LittleEndian(octets.AsSpan(3));
        BinaryPrimitives.WriteUInt64LittleEndian(octets.AsSpan(7), unchecked(0UL - a * b + 2));
        return new BigInteger(octets, isUnsigned: true, isBigEndian: true);
    });

    private static BigInteger Vanity(Random rng) => NoSmallFactor(rng, () =>
    {
        var octets = new byte[256];
        rng.NextBytes(octets);
        var more = new byte[128];
        rng.NextBytes(more);
        for (var i = 0; i < 128; i++) octets[i] |= more[i];
        octets[0] |= 0x80;
        return new BigInteger(octets, isUnsigned: true, isBigEndian: true);
    });

    private static X509Certificate2 SelfSigned(string name, RSA key) =>
        new CertificateRequest($"CN={name}.weak-keys.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(NotBefore, NotAfter);

    internal static string PublicKey(byte[] spki) => PemEncoding.WriteString("PUBLIC KEY", spki);

    internal static byte[] RsaSpki(BigInteger n, BigInteger e)
    {
        var key = new AsnWriter(AsnEncodingRules.DER);
        using (key.PushSequence())
        {
            key.WriteInteger(n);
            key.WriteInteger(e);
        }
        return Spki(w => { w.WriteObjectIdentifier("1.2.840.113549.1.1.1"); w.WriteNull(); }, key.Encode());
    }

    private static byte[] EcSpki(byte[] point) =>
        Spki(w => { w.WriteObjectIdentifier("1.2.840.10045.2.1"); w.WriteObjectIdentifier("1.2.840.10045.3.1.7"); }, point);

    private static byte[] Spki(Action<AsnWriter> algorithm, byte[] key)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            using (w.PushSequence()) algorithm(w);
            w.WriteBitString(key);
        }
        return w.Encode();
    }

    private static byte[] Policies(string oid)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        using (w.PushSequence())
        {
            w.WriteObjectIdentifier(oid);
        }
        return w.Encode();
    }
}
