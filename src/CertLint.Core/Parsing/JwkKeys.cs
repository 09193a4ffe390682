using System.Buffers.Text;
using System.Formats.Asn1;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>
/// One JWK of a key type the model has (RFC 7518 §6.2 EC, §6.3 RSA, RFC 8037 OKP) as a key of the model: its members
/// re-encoded as the SubjectPublicKeyInfo, PKCS#1, SEC 1 or PKCS#8 structure CertLint already derives public keys from
/// and audits. Members are size-checked before they are decoded; messages name members, never their values.
/// </summary>
internal static class JwkKeys
{
    /// <summary>Largest base64url member read: an RSA number of <see cref="PrivateKeyAudit.MaxRsaBits"/> bits.</summary>
    private const int MaxNumberBytes = PrivateKeyAudit.MaxRsaBits / 8;

    /// <summary>RFC 7518 §6.3: n and e; a private key adds d, and p, q, dp, dq, qi (all or none of them).</summary>
    public static KeyInfo Rsa(JsonElement jwk, SourceLocation location)
    {
        var n = Number(jwk, "n", MaxNumberBytes)!;
        var e = Number(jwk, "e", MaxNumberBytes)!;
        var publicKey = new AsnWriter(AsnEncodingRules.DER);
        using (publicKey.PushSequence())
        {
            WriteUnsigned(publicKey, n);
            WriteUnsigned(publicKey, e);
        }
        var spki = PublicKeyDerivation.FromPkcs1Public(publicKey.Encode());
        var d = Number(jwk, "d", MaxNumberBytes, required: false);
        if (d is null) return KeyParser.Jwk(location, false, spki, null);
        byte[][] crt = [];
        try
        {
            var names = new[] { "p", "q", "dp", "dq", "qi" };
            if (!names.Any(name => jwk.TryGetProperty(name, out _)))
            {
                if (jwk.TryGetProperty("oth", out _)) throw new FormatException("JWK: \"oth\" without \"p\", \"q\", \"dp\", \"dq\" and \"qi\" (RFC 7518 §6.3.2.7)");
                // §6.3.2: "d" alone is a private key; without the primes only e·d is checked.
                return KeyParser.Jwk(location, true, spki, PrivateKeyAudit.OfExponents(n, e, d));
            }
            // §6.3.2.7: each further prime as "r", "d" and "t", written as RFC 8017's otherPrimeInfos (version 1).
            crt = [.. names.Select(name => Number(jwk, name, MaxNumberBytes)!), .. OtherPrimes(jwk)];
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence())
            {
                writer.WriteInteger(crt.Length > names.Length ? 1 : 0);
                foreach (var value in (byte[][])[n, e, d, .. crt[..names.Length]]) WriteUnsigned(writer, value);
                if (crt.Length > names.Length)
                {
                    using (writer.PushSequence())
                    {
                        for (var i = names.Length; i < crt.Length; i += 3)
                        {
                            using (writer.PushSequence()) foreach (var value in crt[i..(i + 3)]) WriteUnsigned(writer, value);
                        }
                    }
                }
            }
            var pkcs1 = writer.Encode();
            try
            {
                return KeyParser.Jwk(location, true, PublicKeyDerivation.FromPkcs1(pkcs1), PrivateKeyAudit.OfPkcs1(pkcs1));
            }
            finally
            {
                CryptographicOperations.ZeroMemory(pkcs1);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(d);
            foreach (var value in crt) CryptographicOperations.ZeroMemory(value);
        }
    }

    /// <summary>
    /// RFC 7518 §6.3.2.7: "oth", an array of objects with "r", "d" and "t" (each further prime, its CRT exponent and
    /// coefficient), in order; empty when absent. At most <see cref="PrivateKeyAudit.MaxOtherPrimes"/> entries are read.
    /// </summary>
    private static byte[][] OtherPrimes(JsonElement jwk)
    {
        if (!jwk.TryGetProperty("oth", out var oth)) return [];
        if (oth.ValueKind != JsonValueKind.Array || oth.GetArrayLength() == 0) throw new FormatException("JWK: \"oth\" is not a non-empty array (RFC 7518 §6.3.2.7)");
        if (oth.GetArrayLength() > PrivateKeyAudit.MaxOtherPrimes) throw new FormatException($"JWK: \"oth\" holds more than {PrivateKeyAudit.MaxOtherPrimes} further primes");
        var values = new List<byte[]>();
        try
        {
            foreach (var info in oth.EnumerateArray())
            {
                if (info.ValueKind != JsonValueKind.Object) throw new FormatException("JWK: an \"oth\" entry is not an object (RFC 7518 §6.3.2.7)");
                foreach (var name in (ReadOnlySpan<string>)["r", "d", "t"]) values.Add(Number(info, name, MaxNumberBytes)!);
            }
            return [.. values];
        }
        catch
        {
            foreach (var value in values) CryptographicOperations.ZeroMemory(value);
            throw;
        }
    }

    private static readonly Dictionary<string, (string Oid, int Bytes)> EcCurves = new(StringComparer.Ordinal)
    {
        ["P-256"] = ("1.2.840.10045.3.1.7", 32),
        ["P-384"] = ("1.3.132.0.34", 48),
        ["P-521"] = ("1.3.132.0.35", 66),
        ["secp256k1"] = ("1.3.132.0.10", 32), // RFC 8812 §3.1
    };

    /// <summary>RFC 7518 §6.2: crv, x and y, each coordinate (and d) the full size of the field.</summary>
    public static KeyInfo Ec(JsonElement jwk, SourceLocation location)
    {
        var (oid, size) = EcCurves[Curve(jwk, EcCurves.Keys)];
        var x = Sized(jwk, "x", size)!;
        var y = Sized(jwk, "y", size)!;
        var point = (byte[])[0x04, .. x, .. y];
        var d = Sized(jwk, "d", size, required: false);
        if (d is null)
        {
            var algorithm = new AsnWriter(AsnEncodingRules.DER);
            using (algorithm.PushSequence())
            {
                algorithm.WriteObjectIdentifier(OidNames.EcPublicKey);
                algorithm.WriteObjectIdentifier(oid);
            }
            return KeyParser.Jwk(location, false, PublicKeyDerivation.Spki(algorithm.Encode(), point), null);
        }
        // The public point goes into the SEC 1 structure: the audit judges whether it is d·G.
        var sec1 = SshPrivateKey.Sec1(oid, d, point);
        try
        {
            return KeyParser.Jwk(location, true, PublicKeyDerivation.FromSec1(sec1), PrivateKeyAudit.OfSec1(sec1));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(sec1);
        }
    }

    private static readonly Dictionary<string, (string Oid, int Bytes)> OkpCurves = new(StringComparer.Ordinal)
    {
        ["Ed25519"] = (OidNames.Ed25519, 32),
        ["Ed448"] = (OidNames.Ed448, 57),
        ["X25519"] = (OidNames.X25519, 32),
        ["X448"] = (OidNames.X448, 56),
    };

    /// <summary>RFC 8037 §2: crv and x; a private key adds d, whose public key must be x.</summary>
    public static KeyInfo Okp(JsonElement jwk, SourceLocation location)
    {
        var (oid, size) = OkpCurves[Curve(jwk, OkpCurves.Keys)];
        var x = Sized(jwk, "x", size)!;
        var algorithm = new AsnWriter(AsnEncodingRules.DER);
        using (algorithm.PushSequence()) algorithm.WriteObjectIdentifier(oid);
        var spki = PublicKeyDerivation.Spki(algorithm.Encode(), x);
        var d = Sized(jwk, "d", size, required: false);
        if (d is null) return KeyParser.Jwk(location, false, spki, null);
        var inner = new AsnWriter(AsnEncodingRules.DER);
        inner.WriteOctetString(d);
        CryptographicOperations.ZeroMemory(d);
        var pkcs8 = SshPrivateKey.Pkcs8(w => w.WriteObjectIdentifier(oid), inner.Encode());
        try
        {
            var derived = PublicKeyDerivation.FromPkcs8(pkcs8);
            if (derived is null || !derived.AsSpan().SequenceEqual(spki)) throw new FormatException("JWK: the private key \"d\" does not belong to the public key \"x\" (RFC 8037 §2)");
            return KeyParser.Jwk(location, true, spki, null);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }

    /// <summary>Longest "oct" secret read (a MAC key longer than this is still read up to it and refused).</summary>
    private const int MaxSecretBytes = 64 * 1024;

    /// <summary>Longest "alg" kept for messages: RFC 7518's names are at most 18 characters.</summary>
    private const int MaxAlgorithmLength = 32;

    /// <summary>
    /// RFC 7518 §6.4: a symmetric key "k", with an optional "alg" (RFC 7517 §4.4). Its length is kept and its octets
    /// zeroed at once; an "alg" that needs more bits (§3.2: HS256 at least 256; §4.4, §4.7, §5.2, §5.3: the AES key
    /// sizes) makes it a weak key.
    /// </summary>
    public static SecretKeyInfo Oct(JsonElement jwk, SourceLocation location)
    {
        var k = Number(jwk, "k", MaxSecretBytes)!;
        var bits = k.Length * 8;
        CryptographicOperations.ZeroMemory(k);
        var alg = Algorithm(jwk);
        return new SecretKeyInfo(location, SecretKeyContainer.Jwk)
        {
            SizeBits = bits,
            Algorithm = alg,
            RequiredBits = RequiredBits(alg) is { } needed && bits < needed ? needed : null,
        };
    }

    /// <summary>The "alg" member when it is a short name of letters, digits and "-+_"; otherwise not shown.</summary>
    private static string? Algorithm(JsonElement jwk)
    {
        if (!jwk.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String
            || JsonMarshal.GetRawUtf8Value(alg).Length > 6 * MaxAlgorithmLength) return null;
        var text = alg.GetString()!;
        return text.Length is > 0 and <= MaxAlgorithmLength && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '+' or '_') ? text : null;
    }

    /// <summary>The key bits an RFC 7518 symmetric algorithm needs; null for names without a size.</summary>
    internal static int? RequiredBits(string? alg) => alg switch
    {
        "HS256" or "A128CBC-HS256" => 256,
        "HS384" or "A192CBC-HS384" => 384,
        "HS512" or "A256CBC-HS512" => 512,
        "A128KW" or "A128GCMKW" or "A128GCM" => 128,
        "A192KW" or "A192GCMKW" or "A192GCM" => 192,
        "A256KW" or "A256GCMKW" or "A256GCM" => 256,
        _ => null,
    };

    private static string Curve(JsonElement jwk, IEnumerable<string> known)
    {
        if (!jwk.TryGetProperty("crv", out var crv)) throw new FormatException("JWK: no \"crv\" member");
        if (crv.ValueKind != JsonValueKind.String) throw new FormatException("JWK: \"crv\" is not a string");
        return known.FirstOrDefault(name => crv.ValueEquals(name))
            ?? throw new FormatException($"JWK: \"crv\" names a curve this key type does not define here (known: {string.Join(", ", known)})");
    }

    /// <summary>A member that must be exactly <paramref name="size"/> octets (RFC 7518 §6.2.1.2, §6.2.2.1; RFC 8037 §2).</summary>
    private static byte[]? Sized(JsonElement jwk, string name, int size, bool required = true)
    {
        var value = Number(jwk, name, size, required);
        if (value is not null && value.Length != size)
        {
            CryptographicOperations.ZeroMemory(value);
            throw new FormatException($"JWK: \"{name}\" is not {size} octets long");
        }
        return value;
    }

    /// <summary>A base64url member (RFC 7515 §2) of at most <paramref name="maxBytes"/> octets; null when absent and optional.</summary>
    private static byte[]? Number(JsonElement jwk, string name, int maxBytes, bool required = true)
    {
        if (!jwk.TryGetProperty(name, out var member))
        {
            return required ? throw new FormatException($"JWK: no \"{name}\" member") : null;
        }
        if (member.ValueKind != JsonValueKind.String) throw new FormatException($"JWK: \"{name}\" is not a string");
        // Bounded before the string is made: a JSON escape (\u002B) is at most six bytes for one character.
        var encodedLength = (maxBytes + 2) / 3 * 4;
        if (JsonMarshal.GetRawUtf8Value(member).Length > 6 * encodedLength + 2) throw new FormatException($"JWK: \"{name}\" is longer than {maxBytes:N0} octets");
        var text = member.GetString()!;
        if (text.Length > encodedLength) throw new FormatException($"JWK: \"{name}\" is longer than {maxBytes:N0} octets");
        var bytes = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        if (text.Length == 0 || text.Contains('=') || !Base64Url.IsValid(text) || !Base64Url.TryDecodeFromChars(text, bytes, out var written))
        {
            throw new FormatException($"JWK: \"{name}\" is not base64url without padding (RFC 7515 §2)");
        }
        if (written > maxBytes) throw new FormatException($"JWK: \"{name}\" is longer than {maxBytes:N0} octets");
        if (written == bytes.Length) return bytes;
        var exact = bytes.AsSpan(0, written).ToArray();
        CryptographicOperations.ZeroMemory(bytes);
        return exact;
    }

    /// <summary>An unsigned big-endian number as a DER INTEGER (leading zero octets dropped).</summary>
    private static void WriteUnsigned(AsnWriter writer, byte[] value)
    {
        var start = value.AsSpan().IndexOfAnyExcept((byte)0);
        if (start < 0) writer.WriteInteger(0);
        else writer.WriteIntegerUnsigned(value.AsSpan(start));
    }
}
