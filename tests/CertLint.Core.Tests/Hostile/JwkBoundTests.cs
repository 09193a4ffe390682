using System.Text;
using CertLint.Core.Tests.Parsing;

namespace CertLint.Core.Tests.Hostile;

/// <summary>
/// Hostile JWK files through the real engine: a nesting bomb, a set of 100,000 keys, a 10 MB base64url member and
/// members of the wrong JSON type are each bounded (System.Text.Json's MaxDepth 64, at most 1,000 keys a set, member
/// lengths checked before decoding) and reported as parse errors at their lines, never as an exception.
/// </summary>
public sealed class JwkBoundTests
{
    private const string Fix = ". Fix or regenerate the file, or exclude it if it is not a certificate.";

    private static string[] Lint(string name, string text, string rule = "parse-error")
    {
        using var dir = new TempDirectory();
        dir.Write(name, text);
        return BoundedLint.Run(dir.Path, ".").Of(rule);
    }

    [Test]
    public void A_nesting_bomb_is_one_parse_error()
    {
        var bomb = "{\"kty\": \"RSA\", \"n\": " + new string('[', 100_000) + new string(']', 100_000) + "}";
        Lint("deep.jwk", bomb).ShouldBe([$"deep.jwk:1 deep.jwk:1 cannot be parsed: invalid JWK file: not well-formed JSON (RFC 8259), a repeated member name, or nested deeper than 64 levels{Fix}"]);
    }

    [Test]
    public void A_set_of_100000_keys_is_read_to_its_first_1000()
    {
        var key = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"vVX4k6zUMBZ62hjJYTrkHWbONsPqAP2gknPmd_SwHTA\"}";
        var text = new StringBuilder("{\"keys\":[\n");
        for (var i = 0; i < 100_000; i++) text.Append(key).Append(i < 99_999 ? ",\n" : "\n");
        text.Append("]}\n");
        using var dir = new TempDirectory();
        dir.Write("many.jwks", text.ToString());
        var result = BoundedLint.Run(dir.Path, ".");
        result.Of("parse-error").ShouldBe([$"many.jwks:1002 many.jwks:1002 cannot be parsed: JWK Set holds more than 1,000 keys: the first 1,000 were read, the rest are not{Fix}"]);
        result.Inventory.Files.Single().Keys.Count.ShouldBe(1000);
    }

    [Test]
    public void A_10_mb_member_is_refused_before_it_is_decoded()
    {
        var text = "{\"kty\": \"RSA\", \"e\": \"AQAB\", \"n\": \"" + new string('A', 10 * 1024 * 1024 - 64) + "\"}";
        Lint("big.jwk", text).ShouldBe([$"big.jwk:1 big.jwk:1 cannot be parsed: invalid JWK: JWK: \"n\" is longer than 2,048 octets{Fix}"]);
    }

    [Test]
    public void Members_of_the_wrong_type_are_parse_errors_at_their_keys()
    {
        const string text = """
            {"keys": [
              {"kty": "RSA", "n": 1, "e": true},
              {"kty": "EC", "crv": null, "x": "AA", "y": "AA"},
              {"kty": "OKP", "crv": "Ed25519", "x": {}},
              {"kty": "OKP", "crv": "Ed25519", "x": "vVX4k6zUMBZ62hjJYTrkHWbONsPqAP2gknPmd_SwHTA", "x5c": "MIIB"},
              {"kty": "OKP", "crv": "Ed25519", "x": "vVX4k6zUMBZ62hjJYTrkHWbONsPqAP2gknPmd_SwHTA", "x5c": [7]}
            ]}
            """;
        Lint("types.jwks", text).ShouldBe([
            $"types.jwks:2 types.jwks:2 cannot be parsed: invalid JWK: JWK: \"n\" is not a string{Fix}",
            $"types.jwks:3 types.jwks:3 cannot be parsed: invalid JWK: JWK: \"crv\" is not a string{Fix}",
            $"types.jwks:4 types.jwks:4 cannot be parsed: invalid JWK: JWK: \"x\" is not a string{Fix}",
            $"types.jwks:5 types.jwks:5 cannot be parsed: invalid JWK: JWK: \"x5c\" is not an array (RFC 7517 §4.7){Fix}",
            $"types.jwks:6 types.jwks:6 cannot be parsed: invalid JWK: JWK: an \"x5c\" entry is not a string{Fix}",
        ]);
    }
}
