using System.Collections.Concurrent;
using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>
/// Checks a private key's numbers against each other while the parser holds the decrypted bytes (OpenSSL's
/// RSA_check_key and EC_KEY_check_key, NIST SP 800-56B §6.4.1, SEC 1 §3.2.1) and keeps only the verdict. Null when
/// the key was not checked: another algorithm, multi-prime RSA of more than 2 + <see cref="MaxOtherPrimes"/> primes, a
/// number above <see cref="MaxRsaBits"/> bits, a curve
/// the platform does not know, or a structure it could not read (the parser reports that).
/// </summary>
internal static class PrivateKeyAudit
{
    /// <summary>The same bound as the public-key checks (RsaNumbers.MaxBits): bounded work on a hostile file.</summary>
    public const int MaxRsaBits = 16384;

    private static readonly Asn1Tag Context0 = new(TagClass.ContextSpecific, 0, isConstructed: true);
    private static readonly Asn1Tag Context1 = new(TagClass.ContextSpecific, 1, isConstructed: true);

    public static PrivateKeyVerdict? OfPkcs8(ReadOnlyMemory<byte> pkcs8) => Guard(pkcs8, static der =>
    {
        var seq = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
        seq.ReadEncodedValue(); // version
        var (oid, parameters) = Asn1Helpers.ReadAlgorithmIdentifier(seq);
        var privateKey = Asn1Helpers.ReadOctetString(seq);
        return oid switch
        {
            OidNames.RsaEncryption or OidNames.RsaPss => Rsa(privateKey),
            OidNames.EcPublicKey => Ec(privateKey, CurveOid(parameters)),
            _ => null,
        };
    });

    public static PrivateKeyVerdict? OfPkcs1(ReadOnlyMemory<byte> rsaPrivateKey) => Guard(rsaPrivateKey, Rsa);

    public static PrivateKeyVerdict? OfSec1(ReadOnlyMemory<byte> ecPrivateKey) => Guard(ecPrivateKey, static der => Ec(der, null));

    /// <summary>
    /// OpenSSL's DSAPrivateKey (version 0, p, q, g, y, x): whether the stored y is the y of <paramref name="derivedSpki"/>,
    /// which PublicKeyDerivation computed from x (g^x mod p), so no exponentiation is repeated here.
    /// </summary>
    public static PrivateKeyVerdict? OfOpenSslDsa(ReadOnlyMemory<byte> dsaPrivateKey, byte[] derivedSpki) => Guard(dsaPrivateKey, der =>
    {
        var seq = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
        for (var i = 0; i < 4; i++) seq.ReadEncodedValue(); // version, p, q, g
        var stored = Integer(seq);
        var spki = new AsnReader(derivedSpki, AsnEncodingRules.DER).ReadSequence();
        spki.ReadEncodedValue(); // algorithm
        var derived = Integer(new AsnReader(Asn1Helpers.ReadBitString(spki, out _), AsnEncodingRules.DER));
        return new(stored == derived ? null : PrivateKeyFlaw.PublicValueMismatch, null);
    });

    /// <summary>
    /// A private key of n, e and d alone (a JWK without its primes, RFC 7518 §6.3.2): when e·d ≡ 1 mod λ(n), (2^d)^e ≡ 2
    /// mod n, so any other result proves the exponents are not each other's inverse. A d below the Boneh–Durfee bound is
    /// reported from d itself (d mod λ(n), which needs the primes, can only be smaller). Two exponentiations, metered.
    /// </summary>
    public static PrivateKeyVerdict? OfExponents(ReadOnlySpan<byte> n, ReadOnlySpan<byte> e, ReadOnlySpan<byte> d)
    {
        var modulus = new BigInteger(n, isUnsigned: true, isBigEndian: true);
        var exponent = new BigInteger(e, isUnsigned: true, isBigEndian: true);
        var secret = new BigInteger(d, isUnsigned: true, isBigEndian: true);
        // Even or tiny moduli are no RSA moduli (weak-key-rsa-even-modulus, weak-key); 2 is no witness modulo them.
        if (modulus < 5 || modulus.IsEven || modulus.GetBitLength() > MaxRsaBits) return null;
        if (exponent.IsZero || secret.IsZero) return new(PrivateKeyFlaw.ExponentsNotInverse, null);
        var signed = ModularExponent.Pow(2, secret, modulus, secretExponent: true);
        if (ModularExponent.Pow(signed, exponent, modulus) != 2) return new(PrivateKeyFlaw.ExponentsNotInverse, null);
        return new(null, BelowBonehDurfee(secret, modulus));
    }

    private static PrivateKeyVerdict? Guard(ReadOnlyMemory<byte> der, Func<ReadOnlyMemory<byte>, PrivateKeyVerdict?> audit)
    {
        try
        {
            return audit(der);
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException or ArgumentException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>Further primes read from a multi-prime key's otherPrimeInfos: OpenSSL makes at most 5 primes in all.</summary>
    public const int MaxOtherPrimes = 14;

    /// <summary>
    /// RSAPrivateKey (RFC 8017 A.1.2 and §3.2): version 0 with two primes, or version 1 with otherPrimeInfos (r_i, d_i,
    /// t_i) for further primes. Cheap checks first; the primality of each factor (two Miller–Rabin rounds: a witness
    /// proves it composite) last, as it is the only costly one.
    /// </summary>
    private static PrivateKeyVerdict? Rsa(ReadOnlyMemory<byte> der)
    {
        var seq = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
        var version = Integer(seq);
        if (version > 1 || version.Sign < 0) return null;
        var n = Integer(seq);
        var (e, d, p, q, dp, dq, qInv) = (Integer(seq), Integer(seq), Integer(seq), Integer(seq), Integer(seq), Integer(seq), Integer(seq));
        // Version 1 without otherPrimeInfos breaks RFC 8017's rule but its numbers are still checked, as two primes.
        var others = version.IsOne ? OtherPrimes(seq) : [];
        if (others is null) return null; // more further primes than the bound
        var primes = new List<BigInteger>(2 + others.Count) { p, q };
        primes.AddRange(others.Select(o => o.Prime));
        var product = BigInteger.One;
        foreach (var r in primes) product *= r;
        if (n.Sign <= 0 || product != n) return new(PrivateKeyFlaw.ModulusNotProduct, null);
        if (primes.Any(r => r < 2)) return new(PrivateKeyFlaw.FactorNotPrime, null);
        var lambda = BigInteger.One;
        foreach (var r in primes) lambda = NumberTheory.Lcm(lambda, r - 1);
        if (e.Sign <= 0 || d.Sign <= 0 || (e * d) % lambda != 1) return new(PrivateKeyFlaw.ExponentsNotInverse, null);
        if (dp != d % (p - 1) || dq != d % (q - 1)) return new(PrivateKeyFlaw.WrongCrtExponent, null);
        if (qInv.Sign <= 0 || qInv >= p || (qInv * q) % p != 1) return new(PrivateKeyFlaw.WrongCrtCoefficient, null);
        var before = p * q; // R_i = r_1·…·r_(i−1)
        foreach (var (r, di, ti) in others)
        {
            if (di != d % (r - 1)) return new(PrivateKeyFlaw.WrongCrtExponent, null);
            if (ti.Sign <= 0 || ti >= r || (ti * before) % r != 1) return new(PrivateKeyFlaw.WrongCrtCoefficient, null);
            before *= r;
        }
        // Factors of up to 8,192 bits (every two-prime key up to MaxRsaBits): an RSA-16384 key's rounds cost about 0.5 s on
        // Linux, paid from the file's allowance and the run's budget (ArithmeticMeter), which bound a file of many.
        if (primes.All(r => r.GetBitLength() <= NumberTheory.MaxPrimalityBits) && !primes.All(r => NumberTheory.IsProbablePrime(r, rounds: 2)))
        {
            return new(PrivateKeyFlaw.FactorNotPrime, null);
        }
        // The least working exponent: a file may carry d + kλ, which hides nothing from an attacker who finds d mod λ.
        var least = d % lambda;
        return new(null, BelowBonehDurfee(least, n));
    }

    /// <summary>
    /// The bit length of a private exponent certainly below n^0.292 (Boneh–Durfee), else null: d &lt; 2^bits ≤
    /// 2^(0.292·(bits(n) − 1)) ≤ n^0.292.
    /// </summary>
    private static int? BelowBonehDurfee(BigInteger d, BigInteger n)
    {
        var bits = (int)d.GetBitLength();
        return (long)bits * 1000 <= (long)PrivateKeyVerdict.BonehDurfeeMilli * ((long)n.GetBitLength() - 1) ? bits : null;
    }

    /// <summary>
    /// OtherPrimeInfos (SEQUENCE SIZE(1..MAX) OF OtherPrimeInfo { prime, exponent, coefficient }), empty when absent;
    /// null when longer than <see cref="MaxOtherPrimes"/> (not audited).
    /// </summary>
    private static List<(BigInteger Prime, BigInteger Exponent, BigInteger Coefficient)>? OtherPrimes(AsnReader seq)
    {
        if (!seq.HasData) return [];
        var infos = seq.ReadSequence();
        var others = new List<(BigInteger, BigInteger, BigInteger)>();
        while (infos.HasData)
        {
            if (others.Count == MaxOtherPrimes) return null;
            var info = infos.ReadSequence();
            others.Add((Integer(info), Integer(info), Integer(info)));
        }
        return others;
    }

    /// <summary>ECPrivateKey (RFC 5915): 1 ≤ d ≤ order − 1, and d·G is the stored public point when one is stored.</summary>
    private static PrivateKeyVerdict? Ec(ReadOnlyMemory<byte> der, string? curveOid)
    {
        var seq = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
        seq.ReadEncodedValue(); // version
        var scalar = Asn1Helpers.ReadOctetString(seq).Span.TrimStart((byte)0);
        ReadOnlyMemory<byte>? point = null;
        while (seq.HasData)
        {
            var tag = seq.PeekTag();
            if (tag.HasSameClassAndValue(Context0))
            {
                // Read even when the PKCS#8 wrapper named the curve: an unread element would never leave this loop.
                var inner = CurveOid(seq.ReadSequence(Context0).ReadEncodedValue());
                curveOid ??= inner;
            }
            else if (tag.HasSameClassAndValue(Context1)) point = Asn1Helpers.ReadBitString(seq.ReadSequence(Context1), out _);
            else seq.ReadEncodedValue();
        }
        if (curveOid is null || CurveOf(curveOid) is not { } curve) return null;
        if (scalar.Length > curve.FieldBytes + 1) return new(PrivateKeyFlaw.ScalarOutOfRange, null);
        var d = new BigInteger(scalar, isUnsigned: true, isBigEndian: true);
        if (d.IsZero || d >= curve.Order) return new(PrivateKeyFlaw.ScalarOutOfRange, null);
        // −d is as easy to find as d: (order − d)·G = −(d·G), the same point with y negated.
        var nearest = (int)BigInteger.Min(d, curve.Order - d).GetBitLength();
        int? small = nearest <= PrivateKeyVerdict.MaxSmallScalarBits ? nearest : null;
        if (point is { } stored)
        {
            var matches = Matches(curveOid, curve.FieldBytes, d, stored.Span);
            if (matches is null) return null;
            if (matches is false) return new(PrivateKeyFlaw.PublicPointMismatch, small);
        }
        return new(null, small);
    }

    /// <summary>
    /// Whether d·G (computed by the platform's crypto library) is the stored point, uncompressed, hybrid or compressed.
    /// A stored encoding of another length is left to ec-key-invalid, which judges the point itself. Null: the crypto
    /// library could not compute d·G (the key is then not checked).
    /// </summary>
    private static bool? Matches(string curveOid, int fieldBytes, BigInteger d, ReadOnlySpan<byte> stored)
    {
        var full = stored.Length == 1 + (2 * fieldBytes) && stored[0] is 4 or 6 or 7;
        var compressed = stored.Length == 1 + fieldBytes && stored[0] is 2 or 3;
        if (!full && !compressed) return true;
        // An order can exceed 2^(8·fieldBytes) (secp160r1, secp224k1: one bit more than the field), so d may need a byte
        // more than a coordinate; a coordinate-sized buffer threw here and left such keys unchecked.
        var length = Math.Max(fieldBytes, d.GetByteCount(isUnsigned: true));
        var scalar = new byte[length];
        try
        {
            d.TryWriteBytes(scalar.AsSpan(length - d.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
            if (EcGeneratorMultiple.Multiply(curveOid, scalar, fieldBytes) is not { } q) return null;
            if (!stored.Slice(1, fieldBytes).SequenceEqual(q.AsSpan(1, fieldBytes))) return false;
            return compressed ? (stored[0] & 1) == (q[^1] & 1) : stored[(1 + fieldBytes)..].SequenceEqual(q.AsSpan(1 + fieldBytes));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(scalar);
        }
    }

    /// <summary>A namedCurve OID from encoded ECParameters, or null (explicit parameters: ec-key-invalid's).</summary>
    private static string? CurveOid(ReadOnlyMemory<byte> parameters) =>
        !parameters.IsEmpty && parameters.Span[0] == 0x06 ? new AsnReader(parameters, AsnEncodingRules.BER).ReadObjectIdentifier() : null;

    /// <summary>Order and field size per curve OID, from the platform (any curve it knows). At most 64 entries kept.</summary>
    private static readonly ConcurrentDictionary<string, (BigInteger Order, int FieldBytes)?> Curves = new(StringComparer.Ordinal);

    private static (BigInteger Order, int FieldBytes)? CurveOf(string oid)
    {
        if (Curves.TryGetValue(oid, out var known)) return known;
        (BigInteger, int)? curve;
        try
        {
            using var key = ECDsa.Create(ECCurve.CreateFromValue(oid));
            var explicitParameters = key.ExportExplicitParameters(false);
            curve = (new BigInteger(explicitParameters.Curve.Order, isUnsigned: true, isBigEndian: true), explicitParameters.Q.X!.Length);
        }
        catch (Exception e) when (e is CryptographicException or PlatformNotSupportedException or ArgumentException)
        {
            curve = null;
        }
        if (Curves.Count < 64) Curves[oid] = curve;
        return curve;
    }

    /// <summary>An INTEGER of at most <see cref="MaxRsaBits"/> bits (more: not checked).</summary>
    private static BigInteger Integer(AsnReader reader)
    {
        var content = Asn1Helpers.ReadIntegerContent(reader, out _);
        if (content.Length > (MaxRsaBits / 8) + 1) throw new AsnContentException("too large to check");
        return new BigInteger(content, isUnsigned: false, isBigEndian: true);
    }
}
