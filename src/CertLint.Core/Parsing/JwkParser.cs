using System.Buffers.Text;
using System.Formats.Asn1;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>
/// Reads JSON Web Keys (RFC 7517): one JWK, or a JWK Set ({"keys": [...]}). Each key of a type the model has (RFC 7518
/// §6.2 EC, §6.3 RSA, RFC 8037 OKP) is re-encoded as the SubjectPublicKeyInfo, PKCS#1, SEC 1 or PKCS#8 structure
/// CertLint already derives public keys from and audits, so a JWK is judged by the same key rules as a PEM key. Its
/// "x5c" certificates (§4.7) are certificates of the model at the JWK's lines. A symmetric ("oct") key has no public
/// half and no place in the model; a key type not understood is ignored, as §5 asks. Messages name members, never
/// their values.
/// </summary>
internal static class JwkParser
{
    public const int MaxDepth = 64;
    public const int MaxKeys = 1000;
    public const int MaxCertificatesPerKey = 100;
    /// <summary>Largest base64url member read: an RSA number of <see cref="PrivateKeyAudit.MaxRsaBits"/> bits.</summary>
    private const int MaxNumberBytes = PrivateKeyAudit.MaxRsaBits / 8;
    /// <summary>Largest x5c entry read (a certificate with an SLH-DSA signature is about 50 KB).</summary>
    private const int MaxCertificateBytes = 256 * 1024;

    public enum Outcome { NotJwk, Read }

    /// <summary>The first byte other than white space (after a UTF-8 byte order mark) opens a JSON object.</summary>
    public static bool LooksLikeJsonObject(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        var at = bytes.IndexOfAnyExcept(" \t\r\n"u8);
        return at >= 0 && bytes[at] == (byte)'{';
    }

    /// <summary>
    /// Adds the keys and certificates of a JWK or JWK Set to <paramref name="result"/>. Returns
    /// <see cref="Outcome.NotJwk"/>, adding nothing, for JSON that is neither (or is not JSON); when
    /// <paramref name="mustBeJwk"/> (a .jwk or .jwks file) that is a parse error instead.
    /// </summary>
    public static Outcome Parse(ReadOnlyMemory<byte> bytes, Collector result, bool mustBeJwk)
    {
        if (bytes.Span.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        var options = new JsonDocumentOptions { MaxDepth = MaxDepth, AllowDuplicateProperties = false };
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, options);
        }
        catch (JsonException e)
        {
            if (!mustBeJwk) return Outcome.NotJwk;
            var line = (int)Math.Clamp((e.LineNumber ?? 0) + 1, 1, int.MaxValue);
            result.Error(new SourceLocation(result.File, line, line), $"invalid JWK file: not well-formed JSON (RFC 8259), a repeated member name, or nested deeper than {MaxDepth} levels");
            return Outcome.Read;
        }
        using (document)
        {
            var root = document.RootElement;
            var isKey = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("kty", out var kty) && kty.ValueKind == JsonValueKind.String;
            var isSet = !isKey && root.ValueKind == JsonValueKind.Object && root.TryGetProperty("keys", out var keys)
                && keys.ValueKind == JsonValueKind.Array && keys.EnumerateArray().All(k => k.ValueKind == JsonValueKind.Object);
            if (!isKey && !isSet)
            {
                if (mustBeJwk) result.Error(new SourceLocation(result.File), "invalid JWK file: neither a JWK (an object with \"kty\") nor a JWK Set (an object with a \"keys\" array of JWKs), RFC 7517 §4 and §5");
                return Outcome.NotJwk;
            }
            result.Kind = FileKind.Jwk;
            var spans = ObjectLines(bytes.Span, isSet, result.File);
            if (isKey)
            {
                ReadKey(root, spans[0], result);
                return Outcome.Read;
            }
            var index = 0;
            foreach (var key in root.GetProperty("keys").EnumerateArray())
            {
                if (index == MaxKeys)
                {
                    result.Error(new SourceLocation(result.File, spans[index].StartLine, spans[index].EndLine),
                        $"JWK Set holds more than {MaxKeys:N0} keys: the first {MaxKeys:N0} were read, the rest are not");
                    break;
                }
                ReadKey(key, spans[index++], result);
            }
            return Outcome.Read;
        }
    }

    private static void ReadKey(JsonElement jwk, SourceLocation location, Collector result) =>
        result.Guard(location, "JWK", () => Read(jwk, location, result));

    private static void Read(JsonElement jwk, SourceLocation location, Collector result)
    {
        if (!jwk.TryGetProperty("kty", out var kty)) throw new FormatException("JWK: no \"kty\" member (RFC 7517 §4.1)");
        if (kty.ValueKind != JsonValueKind.String) throw new FormatException("JWK: \"kty\" is not a string");
        var key = kty.ValueEquals("RSA"u8) ? Rsa(jwk, location)
            : kty.ValueEquals("EC"u8) ? Ec(jwk, location)
            : kty.ValueEquals("OKP"u8) ? Okp(jwk, location)
            : null; // "oct" (a shared secret: no public half), or a key type this reader does not understand (§5: ignored)
        if (key is null) return;
        var certificates = new List<CertificateInfo>();
        if (jwk.TryGetProperty("x5c", out var x5c))
        {
            if (x5c.ValueKind != JsonValueKind.Array) throw new FormatException("JWK: \"x5c\" is not an array (RFC 7517 §4.7)");
            if (x5c.GetArrayLength() > MaxCertificatesPerKey) throw new FormatException($"JWK: \"x5c\" holds more than {MaxCertificatesPerKey} certificates");
            foreach (var entry in x5c.EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.String) throw new FormatException("JWK: an \"x5c\" entry is not a string");
                if (JsonMarshal.GetRawUtf8Value(entry).Length > 6 * (MaxCertificateBytes / 3 * 4) || entry.GetString()!.Length > MaxCertificateBytes / 3 * 4 + 4)
                {
                    throw new FormatException($"JWK: an \"x5c\" certificate longer than {MaxCertificateBytes / 1024} KB");
                }
                byte[] der;
                try
                {
                    der = Convert.FromBase64String(entry.GetString()!);
                }
                catch (FormatException)
                {
                    throw new FormatException("JWK: an \"x5c\" entry is not standard base64 (RFC 7517 §4.7)");
                }
                certificates.Add(CertificateParser.Parse(der, location, ObjectFormat.Jwk));
            }
        }
        result.Keys.Add(key);
        result.Certificates.AddRange(certificates);
    }

    /// <summary>RFC 7518 §6.3: n and e; a private key adds d, and p, q, dp, dq, qi (all or none of them).</summary>
    private static KeyInfo Rsa(JsonElement jwk, SourceLocation location)
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
                // §6.3.2: "d" alone is a private key; without the primes there is nothing to audit.
                if (jwk.TryGetProperty("oth", out _)) throw new FormatException("JWK: \"oth\" without \"p\", \"q\", \"dp\", \"dq\" and \"qi\" (RFC 7518 §6.3.2.7)");
                return KeyParser.Jwk(location, true, spki, null);
            }
            crt = [.. names.Select(name => Number(jwk, name, MaxNumberBytes)!)];
            // §6.3.2.7: more than two primes. Read as a private key; the audit judges two-prime keys only.
            if (jwk.TryGetProperty("oth", out _)) return KeyParser.Jwk(location, true, spki, null);
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence())
            {
                writer.WriteInteger(0);
                foreach (var value in (byte[][])[n, e, d, .. crt]) WriteUnsigned(writer, value);
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

    private static readonly Dictionary<string, (string Oid, int Bytes)> EcCurves = new(StringComparer.Ordinal)
    {
        ["P-256"] = ("1.2.840.10045.3.1.7", 32),
        ["P-384"] = ("1.3.132.0.34", 48),
        ["P-521"] = ("1.3.132.0.35", 66),
        ["secp256k1"] = ("1.3.132.0.10", 32), // RFC 8812 §3.1
    };

    /// <summary>RFC 7518 §6.2: crv, x and y, each coordinate (and d) the full size of the field.</summary>
    private static KeyInfo Ec(JsonElement jwk, SourceLocation location)
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
    private static KeyInfo Okp(JsonElement jwk, SourceLocation location)
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

    /// <summary>
    /// The lines of the root object, or of each object in the root's "keys" array (at most <see cref="MaxKeys"/> + 1):
    /// from the line of its "{" to the line of its "}". The bytes were parsed as JSON already.
    /// </summary>
    private static List<SourceLocation> ObjectLines(ReadOnlySpan<byte> json, bool set, SourceFile file)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
        var objects = new List<SourceLocation>();
        var depth = set ? 2 : 0;
        var (line, counted, start, inKeys) = (1, 0, 1, !set);
        while (objects.Count <= MaxKeys && reader.Read())
        {
            if (set && reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1) inKeys = reader.ValueTextEquals("keys"u8);
            if (!inKeys || reader.CurrentDepth != depth || reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.EndObject)) continue;
            var offset = (int)reader.TokenStartIndex;
            line += json[counted..offset].Count((byte)'\n');
            counted = offset;
            if (reader.TokenType == JsonTokenType.StartObject) start = line;
            // The index tells apart keys on the same lines (a set written on one line): a key's x5c shares its location.
            else objects.Add(new SourceLocation(file, start, line, objects.Count));
        }
        return objects;
    }
}
