using System.Runtime.InteropServices;
using System.Text.Json;
using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>
/// Reads JSON Web Keys (RFC 7517): one JWK, or a JWK Set ({"keys": [...]}). Each key of a type the model has (RFC 7518
/// §6.2 EC, §6.3 RSA, RFC 8037 OKP) is re-encoded as the SubjectPublicKeyInfo, PKCS#1, SEC 1 or PKCS#8 structure
/// CertLint already derives public keys from and audits, so a JWK is judged by the same key rules as a PEM key. Its
/// "x5c" certificates (§4.7) are certificates of the model at the JWK's lines. A symmetric ("oct") key has no public
/// half: it is a <see cref="SecretKeyInfo"/> of the file (length and "alg", never the value); a key type not
/// understood is ignored, as §5 asks. Messages name members, never
/// their values.
/// </summary>
internal static class JwkParser
{
    public const int MaxDepth = 64;
    public const int MaxKeys = 1000;
    public const int MaxCertificatesPerKey = 100;
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
            result.Error(result.At(line, line), $"invalid JWK file: not well-formed JSON (RFC 8259), a repeated member name, or nested deeper than {MaxDepth} levels");
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
                if (mustBeJwk) result.Error(result.At(), "invalid JWK file: neither a JWK (an object with \"kty\") nor a JWK Set (an object with a \"keys\" array of JWKs), RFC 7517 §4 and §5");
                return Outcome.NotJwk;
            }
            result.Kind = FileKind.Jwk;
            var spans = ObjectLines(bytes.Span, isSet, result);
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
                    result.Error(spans[index] with { Index = 0 },
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
        if (kty.ValueEquals("oct"u8))
        {
            result.SecretKeys.Add(JwkKeys.Oct(jwk, location));
            return;
        }
        var key = kty.ValueEquals("RSA"u8) ? JwkKeys.Rsa(jwk, location)
            : kty.ValueEquals("EC"u8) ? JwkKeys.Ec(jwk, location)
            : kty.ValueEquals("OKP"u8) ? JwkKeys.Okp(jwk, location)
            : null; // a key type this reader does not understand (§5: ignored)
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

    /// <summary>
    /// The lines of the root object, or of each object in the root's "keys" array (at most <see cref="MaxKeys"/> + 1):
    /// from the line of its "{" to the line of its "}". The bytes were parsed as JSON already.
    /// </summary>
    private static List<SourceLocation> ObjectLines(ReadOnlySpan<byte> json, bool set, Collector result)
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
            else objects.Add(result.AtIndexed(start, line, objects.Count));
        }
        return objects;
    }
}
