using System.Numerics;
using System.Security.Cryptography;

namespace CertLint.Parsing;

/// <summary>
/// value^exponent mod modulus for the key checks (Miller–Rabin rounds, a DSA or DH key's public value, subgroup
/// checks). <see cref="BigInteger.ModPow"/> took 52 ms at 2,048 bits and 1.4 s at 8,192 on an idle build machine,
/// libcrypto's BN_mod_exp 2.9 ms and 115 ms (2026-12-07, /tmp benchmark of both in one process): a repository of RSA
/// private keys spent 27 ms per key in the primality of p and q. So on Linux, for moduli of
/// <see cref="NativeFromBits"/> bits and more, the libcrypto .NET already loads does the work; elsewhere, for small
/// moduli (where copying in and out costs more than it saves) or when a call fails, BigInteger does. Both give the same
/// number; the tests compare them.
/// </summary>
internal static unsafe class ModularExponent
{
    /// <summary>Below this modulus length the managed route is as fast: the EC and Edwards field checks stay managed.</summary>
    public const int NativeFromBits = 768;

    private static readonly Lazy<BnFunctions?> Native = new(BnFunctions.Bind);

    /// <summary>Whether the libcrypto route is in use here (for the tests that compare the two).</summary>
    internal static bool NativeAvailable => Native.Value is not null;

    /// <summary>
    /// value^exponent mod modulus, in 0..modulus − 1, for value ≥ 0, exponent ≥ 0 and modulus ≥ 1 (BigInteger.ModPow's
    /// answer otherwise). A <paramref name="secretExponent"/> (a private key) goes through OpenSSL's constant-time
    /// Montgomery routine when the modulus is odd and its copies are cleared.
    /// </summary>
    public static BigInteger Pow(BigInteger value, BigInteger exponent, BigInteger modulus, bool secretExponent = false) =>
        Pow(value, exponent, modulus, secretExponent, managed: false);

    /// <summary>As above; <paramref name="managed"/> takes BigInteger's route (tests compare the two).</summary>
    internal static BigInteger Pow(BigInteger value, BigInteger exponent, BigInteger modulus, bool secretExponent, bool managed)
    {
        ArithmeticMeter.Charge(modulus.Sign > 0 ? (long)modulus.GetBitLength() : 0, exponent.Sign > 0 ? (long)exponent.GetBitLength() : 0);
        if (!managed && value.Sign >= 0 && exponent.Sign >= 0 && modulus > BigInteger.One
            && modulus.GetBitLength() >= NativeFromBits && Native.Value is { } bn
            && bn.Pow(value >= modulus ? value % modulus : value, exponent, modulus, secretExponent) is { } result)
        {
            return result;
        }
        return BigInteger.ModPow(value, exponent, modulus);
    }

    /// <summary>The libcrypto BIGNUM entry points needed, resolved once; null when any is missing.</summary>
    private sealed class BnFunctions
    {
        private delegate* unmanaged<nint> _ctxNew;
        private delegate* unmanaged<nint, void> _ctxFree;
        private delegate* unmanaged<nint> _bnNew;
        private delegate* unmanaged<byte*, int, nint, nint> _bin2bn;
        private delegate* unmanaged<nint, byte*, int> _bn2bin;
        private delegate* unmanaged<nint, int> _numBits;
        private delegate* unmanaged<nint, void> _free;
        private delegate* unmanaged<nint, void> _clearFree;
        private delegate* unmanaged<nint, nint, nint, nint, nint, int> _modExp;
        private delegate* unmanaged<nint, nint, nint, nint, nint, nint, int> _modExpConstTime;
        private delegate* unmanaged<void> _errClear;

        public static BnFunctions? Bind()
        {
            static bool Get(string name, out nint address) => LibCrypto.TryGetExport(name, out address);
            if (!Get("BN_CTX_new", out var ctxNew) || !Get("BN_CTX_free", out var ctxFree) || !Get("BN_new", out var bnNew)
                || !Get("BN_bin2bn", out var bin2bn) || !Get("BN_bn2bin", out var bn2bin) || !Get("BN_num_bits", out var numBits)
                || !Get("BN_free", out var free) || !Get("BN_clear_free", out var clearFree) || !Get("BN_mod_exp", out var modExp)
                || !Get("BN_mod_exp_mont_consttime", out var modExpConstTime) || !Get("ERR_clear_error", out var errClear))
            {
                return null;
            }
            return new BnFunctions
            {
                _ctxNew = (delegate* unmanaged<nint>)ctxNew,
                _ctxFree = (delegate* unmanaged<nint, void>)ctxFree,
                _bnNew = (delegate* unmanaged<nint>)bnNew,
                _bin2bn = (delegate* unmanaged<byte*, int, nint, nint>)bin2bn,
                _bn2bin = (delegate* unmanaged<nint, byte*, int>)bn2bin,
                _numBits = (delegate* unmanaged<nint, int>)numBits,
                _free = (delegate* unmanaged<nint, void>)free,
                _clearFree = (delegate* unmanaged<nint, void>)clearFree,
                _modExp = (delegate* unmanaged<nint, nint, nint, nint, nint, int>)modExp,
                _modExpConstTime = (delegate* unmanaged<nint, nint, nint, nint, nint, nint, int>)modExpConstTime,
                _errClear = (delegate* unmanaged<void>)errClear,
            };
        }

        /// <summary>The power, or null when libcrypto failed (its error queue is then cleared).</summary>
        public BigInteger? Pow(BigInteger value, BigInteger exponent, BigInteger modulus, bool secret)
        {
            nint ctx = 0, a = 0, p = 0, m = 0, r = 0;
            try
            {
                ctx = _ctxNew();
                a = Number(value, clear: false);
                p = Number(exponent, clear: secret);
                m = Number(modulus, clear: false);
                r = _bnNew();
                if (ctx == 0 || a == 0 || p == 0 || m == 0 || r == 0) return Failed();
                var done = secret && !modulus.IsEven ? _modExpConstTime(r, a, p, m, ctx, 0) : _modExp(r, a, p, m, ctx);
                if (done != 1) return Failed();
                var length = (_numBits(r) + 7) / 8;
                var bytes = length <= 2048 ? stackalloc byte[length] : new byte[length];
                fixed (byte* to = bytes)
                {
                    if (_bn2bin(r, to) != length) return Failed();
                }
                var result = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
                if (secret) CryptographicOperations.ZeroMemory(bytes);
                return result;
            }
            finally
            {
                if (a != 0) _free(a);
                if (p != 0) (secret ? _clearFree : _free)(p);
                if (m != 0) _free(m);
                if (r != 0) _clearFree(r);
                if (ctx != 0) _ctxFree(ctx);
            }
        }

        /// <summary>A new BIGNUM holding <paramref name="value"/> (≥ 0); its big-endian copy is cleared when it is secret.</summary>
        private nint Number(BigInteger value, bool clear)
        {
            var length = value.GetByteCount(isUnsigned: true);
            var bytes = length <= 2048 ? stackalloc byte[length] : new byte[length];
            try
            {
                value.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: true);
                fixed (byte* from = bytes) return _bin2bn(from, length, 0);
            }
            finally
            {
                if (clear) CryptographicOperations.ZeroMemory(bytes);
            }
        }

        // OpenSSL's per-thread error queue is shared with .NET's own crypto calls: leave nothing in it.
        private BigInteger? Failed()
        {
            _errClear();
            return null;
        }
    }
}
