using System.Globalization;
using System.Numerics;

namespace CertLint.Rules.Primitives.Keys;

/// <summary>
/// The RFC 7748 / RFC 8032 curves: edwards25519 and edwards448 for Ed25519 and Ed448 public keys (a point, decoded as
/// RFC 8032 §5.1.3 and §5.2.3 do), curve25519 and curve448 for X25519 and X448 public keys (a u-coordinate, RFC 7748 §5).
/// Only what the key checks need: decoding, point addition, multiplication by a scalar and the cofactor test.
/// </summary>
internal static class EdwardsCurves
{
    /// <summary>A twisted Edwards curve a·x² + y² = 1 + d·x²·y² (mod p) with a prime-order subgroup of order L.</summary>
    /// <param name="Bytes">The length of an encoded point (RFC 8032: 32 for Ed25519, 57 for Ed448).</param>
    public sealed record Edwards(string Name, BigInteger P, BigInteger A, BigInteger D, BigInteger L, int Cofactor, int Bytes);

    /// <summary>A Montgomery curve given by its ladder constant a24 = (A − 2) / 4, RFC 7748 §5.</summary>
    public sealed record Montgomery(string Name, BigInteger P, BigInteger A24, int Cofactor, int Bytes);

    private static readonly BigInteger P25519 = (BigInteger.One << 255) - 19;
    private static readonly BigInteger P448 = (BigInteger.One << 448) - (BigInteger.One << 224) - 1;

    public static readonly Edwards Ed25519 = new("edwards25519", P25519, P25519 - 1,
        Mod(-121665 * BigInteger.ModPow(121666, P25519 - 2, P25519), P25519),
        (BigInteger.One << 252) + BigInteger.Parse("27742317777372353535851937790883648493", CultureInfo.InvariantCulture), 8, 32);

    public static readonly Edwards Ed448 = new("edwards448", P448, 1, P448 - 39081,
        (BigInteger.One << 446) - BigInteger.Parse("13818066809895115352007386748515426880336692474882178609894547503885", CultureInfo.InvariantCulture), 4, 57);

    public static readonly Montgomery X25519 = new("curve25519", P25519, 121665, 8, 32);

    public static readonly Montgomery X448 = new("curve448", P448, 39081, 4, 56);

    /// <summary>A point in projective coordinates (X : Y : Z), x = X/Z and y = Y/Z.</summary>
    public readonly record struct Point(BigInteger X, BigInteger Y, BigInteger Z);

    public enum Decoding { Ok, NonCanonical, NotOnCurve, NegativeZero }

    /// <summary>RFC 8032 §5.1.3 / §5.2.3 point decoding: little-endian y with x's parity in the top bit.</summary>
    public static Decoding Decode(Edwards c, ReadOnlySpan<byte> encoded, out Point point)
    {
        point = default;
        var sign = (encoded[^1] & 0x80) != 0;
        Span<byte> yBytes = stackalloc byte[encoded.Length];
        encoded.CopyTo(yBytes);
        yBytes[^1] &= 0x7f;
        var y = new BigInteger(yBytes, isUnsigned: true, isBigEndian: false);
        if (y >= c.P) return Decoding.NonCanonical;
        var p = c.P;
        var y2 = y * y % p;
        // x² = (y² − 1) / (d·y² − a)
        var u = Mod(y2 - 1, p);
        var v = Mod((c.D * y2) - c.A, p);
        if (v.IsZero) return Decoding.NotOnCurve;
        var w = u * BigInteger.ModPow(v, p - 2, p) % p;
        if (SquareRoot(w, p) is not { } x) return Decoding.NotOnCurve;
        if (x.IsZero && sign) return Decoding.NegativeZero;
        if (x.IsEven == sign) x = p - x;
        point = new Point(x, y, BigInteger.One);
        return Decoding.Ok;
    }

    /// <summary>Unified projective addition (Bernstein–Lange add-2007-bl), complete on these curves: a is a square and d
    /// is not, so it also doubles and never divides by zero.</summary>
    public static Point Add(Edwards c, Point p1, Point p2)
    {
        var p = c.P;
        var a = p1.Z * p2.Z % p;
        var b = a * a % p;
        var cc = p1.X * p2.X % p;
        var d = p1.Y * p2.Y % p;
        var e = c.D * cc % p * d % p;
        var f = Mod(b - e, p);
        var g = (b + e) % p;
        var x3 = a * f % p * Mod(((p1.X + p1.Y) * (p2.X + p2.Y)) - cc - d, p) % p;
        var y3 = a * g % p * Mod(d - (c.A * cc), p) % p;
        return new Point(x3, y3, f * g % p);
    }

    public static Point Multiply(Edwards c, Point point, BigInteger k)
    {
        var result = new Point(BigInteger.Zero, BigInteger.One, BigInteger.One);
        for (var bit = (int)k.GetBitLength() - 1; bit >= 0; bit--)
        {
            result = Add(c, result, result);
            if (!(k >> bit).IsEven) result = Add(c, result, point);
        }
        return result;
    }

    public static bool IsIdentity(Edwards c, Point point) =>
        Mod(point.X, c.P).IsZero && Mod(point.Y - point.Z, c.P).IsZero;

    /// <summary>
    /// Whether the u-coordinate (RFC 7748 §5: little-endian, X25519's top bit masked, reduced mod p) is a point of
    /// order dividing the cofactor, on the curve or its twist: then X25519/X448 with any clamped scalar (a multiple of
    /// the cofactor) yields zero. Doubles log2(cofactor) times with the x-only formulas of the RFC's ladder.
    /// </summary>
    public static bool HasSmallOrder(Montgomery c, ReadOnlySpan<byte> encoded)
    {
        Span<byte> bytes = stackalloc byte[encoded.Length];
        encoded.CopyTo(bytes);
        if (c.Bytes == 32) bytes[^1] &= 0x7f;
        var p = c.P;
        var x = new BigInteger(bytes, isUnsigned: true, isBigEndian: false) % p;
        var z = BigInteger.One;
        for (var order = 1; order < c.Cofactor; order *= 2)
        {
            var aa = (x + z) * (x + z) % p;
            var bb = Mod(x - z, p) * Mod(x - z, p) % p;
            var e = Mod(aa - bb, p);
            (x, z) = (aa * bb % p, e * ((aa + (c.A24 * e)) % p) % p);
        }
        return z.IsZero;
    }

    private static BigInteger? SquareRoot(BigInteger w, BigInteger p)
    {
        if (w.IsZero) return BigInteger.Zero;
        BigInteger r;
        if ((p & 3) == 3)
        {
            r = BigInteger.ModPow(w, (p + 1) >> 2, p);
        }
        else
        {
            // p ≡ 5 (mod 8), RFC 8032 §5.1.3: a candidate, fixed by √−1 = 2^((p−1)/4) when it squares to −w.
            r = BigInteger.ModPow(w, (p + 3) >> 3, p);
            if (r * r % p != w) r = r * BigInteger.ModPow(2, (p - 1) >> 2, p) % p;
        }
        return r * r % p == w ? r : null;
    }

    private static BigInteger Mod(BigInteger value, BigInteger p)
    {
        var r = value % p;
        return r.Sign < 0 ? r + p : r;
    }
}
