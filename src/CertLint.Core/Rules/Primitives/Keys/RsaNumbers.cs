using System.Collections.Concurrent;
using System.Formats.Asn1;
using System.Numerics;
using System.Runtime.CompilerServices;
using CertLint.Inventory;
using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Rules.Primitives.Keys;

/// <summary>
/// The public numbers of an RSA key (modulus n, exponent e), decoded once per <see cref="PublicKeyInfo"/> and shared by
/// the weak-key primitives. Moduli above <see cref="MaxBits"/> are not decoded: a hostile file must not make the
/// number theory below (square roots, GCD trees) arbitrarily slow; weak-key reports nothing odd about such a key, so
/// the size is stated in the rule docs.
/// </summary>
internal sealed class RsaNumbers
{
    public const int MaxBits = 16384;
    private static readonly int DefaultResidues = SmallPrimes.CountBelow(752);

    private static readonly ConditionalWeakTable<CertificateInventory, ConcurrentDictionary<string, RsaNumbers?>> Cache = new();
    private uint[]? _residues;
    private Tuple<int, uint?>? _smallFactor; // a reference, so a reader on another thread never sees half of it
    private (int Steps, (int Step, BigInteger B)? Result)? _fermat;
    private Lazy<int?>? _primePower, _primePowerUntested;
    private Lazy<bool>? _wiener;

    private RsaNumbers(BigInteger modulus, BigInteger exponent, byte[] modulusBigEndian)
    {
        Modulus = modulus;
        Exponent = exponent;
        ModulusBigEndian = modulusBigEndian;
        Bits = (int)modulus.GetBitLength();
    }

    public BigInteger Modulus { get; }
    public BigInteger Exponent { get; }
    public int Bits { get; }
    /// <summary>The modulus as unsigned big-endian octets, no leading zero.</summary>
    public byte[] ModulusBigEndian { get; }

    /// <summary>Whether the subject's key is RSA: the RSA checks' quick test, before any decoding.</summary>
    public static bool IsRsa(RuleSubject subject) =>
        (subject.Certificate?.PublicKey ?? subject.Key?.PublicKey) is { Algorithm: KeyAlgorithm.Rsa or KeyAlgorithm.RsaPss };

    /// <summary>The RSA numbers of a subject's key (certificate or key file), or null for other key types.</summary>
    public static RsaNumbers? Of(RuleSubject subject, EvaluationContext context) =>
        (subject.Certificate?.PublicKey ?? subject.Key?.PublicKey) is { } key ? Of(key, context.Inventory) : null;

    /// <summary>Decoded once per distinct key of the scan: a certificate and its key file share the work.</summary>
    public static RsaNumbers? Of(PublicKeyInfo key, CertificateInventory inventory)
    {
        if (key.Algorithm is not (KeyAlgorithm.Rsa or KeyAlgorithm.RsaPss)) return null;
        return Cache.GetValue(inventory, _ => new(StringComparer.Ordinal)).GetOrAdd(key.Sha256, _ => Decode(key.Spki));
    }

    /// <summary>
    /// Whether the subject's RSA key has modulus 0, which <see cref="Of(RuleSubject, EvaluationContext)"/> does not
    /// decode (no number theory applies to it). Only asked when Of gave null, so not cached.
    /// </summary>
    public static bool HasZeroModulus(RuleSubject subject)
    {
        if ((subject.Certificate?.PublicKey ?? subject.Key?.PublicKey) is not { Algorithm: KeyAlgorithm.Rsa or KeyAlgorithm.RsaPss } key) return false;
        try
        {
            return !Asn1Helpers.ReadIntegerContent(PublicKeySequence(key.Spki), out _).ContainsAnyExcept((byte)0);
        }
        catch (AsnContentException)
        {
            return false;
        }
    }

    /// <summary>Fermat's method on this modulus within <paramref name="steps"/> steps, computed once per bound.</summary>
    public (int Step, BigInteger B)? Fermat(int steps)
    {
        if (_fermat is { } f && f.Steps == steps) return f.Result;
        var result = FermatPrimitive.Factor(Modulus, steps);
        _fermat = (steps, result);
        return result;
    }

    /// <summary>
    /// 1 when the modulus is prime, k when it is the k-th power of a prime (see <see cref="PrimePower"/>), computed once;
    /// without <paramref name="testPrimality"/> the modulus itself is not tested for primality (the costly step).
    /// </summary>
    public int? PrimePowerExponent(bool testPrimality) => testPrimality
        ? (_primePower ??= new(() => PrimePower.Exponent(Modulus, true))).Value
        : (_primePowerUntested ??= new(() => PrimePower.Exponent(Modulus, false))).Value;

    /// <summary>Whether Wiener's attack recovers the private exponent from (n, e), computed once.</summary>
    public bool WienerWeak => (_wiener ??= new(() => WienerAttack.Recovers(Modulus, Exponent, out _))).Value;

    /// <summary>
    /// The smallest of the first <paramref name="count"/> odd primes that divides n, other than n itself, or null; the last
    /// answer is kept (a certificate and its key file share it).
    /// </summary>
    public uint? SmallestOddFactor(int count)
    {
        if (_smallFactor is { } known && known.Item1 == count) return known.Item2;
        uint? factor = null;
        if (Bits <= 17)
        {
            // n below 2^17: a prime n is nonsense, not "a key with a small factor" (weak-key reports its size).
            var odd = SmallPrimes.Odd;
            for (var i = 0; i < count && factor is null; i++) factor = Modulus % odd[i] == 0 && Modulus != odd[i] ? odd[i] : null;
        }
        else if (SmallFactorSearch.SmallestFactorIndex(ModulusBigEndian, count) is >= 0 and var index)
        {
            factor = SmallPrimes.Odd[index];
        }
        _smallFactor = Tuple.Create(count, factor);
        return factor;
    }

    /// <summary>n mod p for the first <paramref name="count"/> odd primes (<see cref="SmallPrimes.Odd"/>), computed once.</summary>
    public ReadOnlySpan<uint> Residues(int count)
    {
        var r = _residues;
        // At least the primes below 752 (ROCA's and the pattern test's), so the rules share one pass.
        if (r is null || r.Length < count) _residues = r = SmallPrimes.Residues(ModulusBigEndian, Math.Max(count, DefaultResidues));
        return r.AsSpan(0, count);
    }

    /// <summary>The SPKI's RSAPublicKey SEQUENCE, read up to its modulus: the one reading Decode and HasZeroModulus share.</summary>
    private static AsnReader PublicKeySequence(ReadOnlyMemory<byte> spki)
    {
        var seq = new AsnReader(spki, AsnEncodingRules.BER).ReadSequence();
        Asn1Helpers.ReadAlgorithmIdentifier(seq);
        return new AsnReader(Asn1Helpers.ReadBitString(seq, out _), AsnEncodingRules.BER).ReadSequence();
    }

    private static RsaNumbers? Decode(ReadOnlyMemory<byte> spki)
    {
        try
        {
            var keySeq = PublicKeySequence(spki);
            var n = Asn1Helpers.ReadIntegerContent(keySeq, out _);
            var e = Asn1Helpers.ReadIntegerContent(keySeq, out _);
            if (Asn1Helpers.BitLength(n) > MaxBits || e.Length > MaxBits / 8) return null;
            var modulus = new BigInteger(n, isUnsigned: false, isBigEndian: true);
            var exponent = new BigInteger(e, isUnsigned: false, isBigEndian: true);
            if (modulus.Sign <= 0) return null;
            return new RsaNumbers(modulus, exponent, modulus.ToByteArray(isUnsigned: true, isBigEndian: true));
        }
        catch (AsnContentException)
        {
            return null;
        }
    }
}
