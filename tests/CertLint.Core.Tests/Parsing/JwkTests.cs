using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CertLint.Discovery;
using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Core.Tests.Parsing;

/// <summary>
/// JSON Web Keys written by Python cryptography (tests/fixtures/jwk/make-jwk.py), read by the real FileParser: each
/// key's public half is the SubjectPublicKeyInfo cryptography exports for it, private RSA and EC keys are audited, and
/// a JWK with a missing or invalid member is a parse error that names the member, never its value.
/// </summary>
public sealed class JwkTests
{
    private static string PathOf(string name) => Path.Combine(Fixtures.Directory, "jwk", name);

    private static ParsedFile Parse(string path) =>
        FileParser.Parse(new SourceFile(path, Path.GetFileName(path), new FileInfo(path).Length, null), TestPasswords.None);

    private static byte[] Spki(string name) =>
        PemEncoding.Find(File.ReadAllText(PathOf(name + ".spki.pem"))) is var f
            ? Convert.FromBase64String(File.ReadAllText(PathOf(name + ".spki.pem"))[f.Base64Data]) : [];

    private static int Lines(string path) => File.ReadAllText(path).TrimEnd('\n').Split('\n').Length;

    [TestCase("rsa-2048-public.jwk", "rsa-2048", "RSA 2048", false, false)]
    [TestCase("rsa-2048-d-only.jwk", "rsa-2048", "RSA 2048", true, true)]
    [TestCase("ec-p384.jwk", "ec-p384", "EC P-384", true, true)]
    [TestCase("ec-p521.jwk", "ec-p521", "EC P-521", true, true)]
    [TestCase("ec-secp256k1.jwk", "ec-secp256k1", "EC secp256k1", true, true)]
    [TestCase("ed25519.jwk", "ed25519", "Ed25519", true, false)]
    [TestCase("ed25519-public.jwk", "ed25519", "Ed25519", false, false)]
    [TestCase("ed448.jwk", "ed448", "Ed448", true, false)]
    [TestCase("ed448-public.jwk", "ed448", "Ed448", false, false)]
    [TestCase("x25519.jwk", "x25519", "X25519", true, false)]
    [TestCase("x25519-public.jwk", "x25519", "X25519", false, false)]
    [TestCase("x448.jwk", "x448", "X448", true, false)]
    [TestCase("x448-public.jwk", "x448", "X448", false, false)]
    public void A_jwk_has_the_public_key_cryptography_exports(string file, string spki, string label, bool isPrivate, bool audited)
    {
        var parsed = Parse(PathOf(file));
        parsed.Issues.ShouldBeEmpty();
        parsed.Kind.ShouldBe(FileKind.Jwk);
        parsed.Certificates.ShouldBeEmpty();
        var key = parsed.Keys.ShouldHaveSingleItem();
        key.Encoding.ShouldBe(KeyEncoding.Jwk);
        key.Format.ShouldBe(ObjectFormat.Jwk);
        key.IsPrivate.ShouldBe(isPrivate);
        key.Encrypted.ShouldBeFalse();
        key.PublicKey.ShouldNotBeNull().Label.ShouldBe(label);
        key.PublicKey.Spki.ToArray().ShouldBe(Spki(spki));
        (key.Location.StartLine, key.Location.EndLine).ShouldBe((1, Lines(PathOf(file))));
        if (audited) key.Verdict.ShouldBe(new PrivateKeyVerdict(null, null));
        else key.Verdict.ShouldBeNull();
    }

    [Test]
    public void A_jwk_set_yields_each_key_at_its_lines_and_the_x5c_certificate_at_its_key()
    {
        var parsed = Parse(PathOf("keys.jwks"));
        parsed.Issues.ShouldBeEmpty();
        parsed.Kind.ShouldBe(FileKind.Jwk);
        parsed.Keys.Count.ShouldBe(2);
        var (rsa, ec) = (parsed.Keys[0], parsed.Keys[1]);
        rsa.IsPrivate.ShouldBeTrue();
        rsa.PublicKey!.Label.ShouldBe("RSA 1024");
        rsa.PublicKey.Spki.ToArray().ShouldBe(Spki("rsa-1024"));
        rsa.Verdict.ShouldBe(new PrivateKeyVerdict(null, null));
        ec.IsPrivate.ShouldBeFalse();
        ec.PublicKey!.Spki.ToArray().ShouldBe(Spki("ec-p256"));
        // json.dump(indent=2): the set opens on line 1, its keys on line 3; each member is a line of its own.
        (rsa.Location.StartLine, rsa.Location.EndLine).ShouldBe((3, 15));
        (ec.Location.StartLine, ec.Location.EndLine).ShouldBe((16, 26));
        var certificate = parsed.Certificates.ShouldHaveSingleItem();
        certificate.Location.ShouldBe(ec.Location);
        certificate.Format.ShouldBe(ObjectFormat.Jwk);
        certificate.PublicKey.Sha256.ShouldBe(ec.PublicKey.Sha256);
        var pem = File.ReadAllText(PathOf("ec-p256-cert.pem"));
        certificate.Raw.ToArray().ShouldBe(Convert.FromBase64String(pem[PemEncoding.Find(pem).Base64Data]));
    }

    [Test]
    public void A_symmetric_key_is_a_secret_key_of_its_file_with_its_length_and_no_key_of_the_model()
    {
        var parsed = Parse(PathOf("oct.jwk"));
        parsed.Issues.ShouldBeEmpty();
        parsed.Keys.ShouldBeEmpty();
        parsed.Kind.ShouldBe(FileKind.Jwk);
        parsed.SecretKeys.ShouldBe([new SecretKeyInfo(parsed.SecretKeys[0].Location, SecretKeyContainer.Jwk) { SizeBits = 256 }]);
        (parsed.SecretKeys[0].Location.StartLine, parsed.SecretKeys[0].Location.EndLine).ShouldBe((1, 4));
    }

    private static JsonObject Jwk(string file) => (JsonObject)JsonNode.Parse(File.ReadAllText(PathOf(file)))!;

    /// <summary>The RSA 1024 private key of keys.jwks, with its primes and CRT members.</summary>
    private static JsonObject RsaWithPrimes() => (JsonObject)JsonNode.Parse(File.ReadAllText(PathOf("keys.jwks")))!["keys"]![0]!.DeepClone();

    internal static ParsedFile ParseText(string text, string name = "key.jwk")
    {
        using var dir = new CertLint.Tests.Pki.TempDirectory();
        File.WriteAllText(dir[name], text);
        return Parse(dir[name]);
    }

    /// <summary>The single parse error of a .jwk file, checked to name no value of the key.</summary>
    internal static string IssueOf(JsonObject jwk)
    {
        var parsed = ParseText(jwk.ToJsonString());
        parsed.Keys.ShouldBeEmpty();
        var issue = parsed.Issues.ShouldHaveSingleItem();
        issue.Kind.ShouldBe(ParseIssueKind.ParseError);
        foreach (var (_, value) in jwk)
        {
            if (value is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 3) issue.Message.ShouldNotContain(s);
        }
        return issue.Message;
    }

    [TestCase("n", "invalid JWK: JWK: no \"n\" member")]
    [TestCase("e", "invalid JWK: JWK: no \"e\" member")]
    [TestCase("q", "invalid JWK: JWK: no \"q\" member")]
    [TestCase("qi", "invalid JWK: JWK: no \"qi\" member")]
    public void A_missing_rsa_member_is_a_parse_error(string member, string message)
    {
        var jwk = RsaWithPrimes();
        jwk.Remove(member);
        IssueOf(jwk).ShouldBe(message);
    }

    [Test]
    public void Wrong_member_types_and_encodings_are_parse_errors()
    {
        var ec = Jwk("ec-p384.jwk");
        ec["x"] = 42;
        IssueOf(ec).ShouldBe("invalid JWK: JWK: \"x\" is not a string");
        ec = Jwk("ec-p384.jwk");
        ec["y"] = ec["y"]!.GetValue<string>()[..20];
        IssueOf(ec).ShouldBe("invalid JWK: JWK: \"y\" is not 48 octets long");
        ec = Jwk("ec-p384.jwk");
        ec["d"] = "+/" + ec["d"]!.GetValue<string>()[2..];
        IssueOf(ec).ShouldBe("invalid JWK: JWK: \"d\" is not base64url without padding (RFC 7515 §2)");
        ec = Jwk("ec-p384.jwk");
        ec["crv"] = "P-192";
        IssueOf(ec).ShouldStartWith("invalid JWK: JWK: \"crv\" names a curve this key type does not define here");
        var set = JsonNode.Parse(File.ReadAllText(PathOf("keys.jwks")))!;
        set["keys"]![1]!["kty"] = new JsonArray();
        var parsed = ParseText(set.ToJsonString(), "keys.jwks");
        parsed.Keys.ShouldHaveSingleItem().PublicKey!.Label.ShouldBe("RSA 1024");
        parsed.Issues.ShouldHaveSingleItem().Message.ShouldBe("invalid JWK: JWK: \"kty\" is not a string");
    }

    [Test]
    public void An_okp_private_key_of_another_public_key_is_refused()
    {
        var jwk = Jwk("ed25519.jwk");
        jwk["x"] = Jwk("ed25519-public.jwk")["x"]!.GetValue<string>() is var x ? x[..^2] + (x[^2] == 'A' ? "BA" : "AA") : null;
        IssueOf(jwk).ShouldBe("invalid JWK: JWK: the private key \"d\" does not belong to the public key \"x\" (RFC 8037 §2)");
    }

    [Test]
    public void Inconsistent_private_numbers_are_judged_by_the_audit_as_for_pem_keys()
    {
        var ec = Jwk("ec-p384.jwk");
        ec["d"] = Jwk("ec-p521.jwk")["d"]!.GetValue<string>()[..64]; // 48 octets, another scalar
        ParseText(ec.ToJsonString()).Keys.ShouldHaveSingleItem().Verdict.ShouldBe(new PrivateKeyVerdict(PrivateKeyFlaw.PublicPointMismatch, null));
        var rsa = RsaWithPrimes();
        rsa["qi"] = rsa["dq"]!.GetValue<string>();
        ParseText(rsa.ToJsonString()).Keys.ShouldHaveSingleItem().Verdict.ShouldBe(new PrivateKeyVerdict(PrivateKeyFlaw.WrongCrtCoefficient, null));
    }

    [Test]
    public void A_bad_x5c_entry_is_a_parse_error_and_the_key_is_not_kept()
    {
        var set = JsonNode.Parse(File.ReadAllText(PathOf("keys.jwks")))!;
        set["keys"]![1]!["x5c"]![0] = "not base64url-or-base64!";
        var parsed = ParseText(set.ToJsonString(), "keys.jwks");
        parsed.Keys.ShouldHaveSingleItem().PublicKey!.Label.ShouldBe("RSA 1024");
        parsed.Certificates.ShouldBeEmpty();
        parsed.Issues.ShouldHaveSingleItem().Message.ShouldBe("invalid JWK: JWK: an \"x5c\" entry is not standard base64 (RFC 7517 §4.7)");
    }

    [Test]
    public void A_key_is_paired_with_its_own_x5c_only_and_a_wrong_first_certificate_is_a_key_mismatch()
    {
        var set = JsonNode.Parse(File.ReadAllText(PathOf("keys.jwks")))!;
        using var dir = new TempDirectory();
        dir.Write("ok.jwks", set.ToJsonString());
        set["keys"]![0]!["x5c"] = set["keys"]![1]!["x5c"]!.DeepClone(); // the RSA key with the EC key's certificate
        dir.Write("wrong.jwks", set.ToJsonString());
        var result = Hostile.BoundedLint.Run(dir.Path, ".");
        Hostile.BoundedLint.Of(result, "key-mismatch").ShouldBe([
            "wrong.jwks:1 the JWK at wrong.jwks:1 does not match the first certificate of its x5c, CN=jwk.example.test (RFC 7517 §4.7) "
            + "(RSA 1024 private key; certificate CN=jwk.example.test, serial 4A574B in wrong.jwks:1): deploy the key the certificate was issued for, or reissue the certificate for this key.",
        ]);
    }

    [TestCase("{\"keys\": {\"kty\": \"EC\"}}", "key.jwks")]
    [TestCase("{\"kid\": \"no key type\"}", "key.jwk")]
    [TestCase("[{\"kty\": \"EC\"}]", "key.jwk")]
    public void A_jwk_file_that_is_no_jwk_is_a_parse_error(string text, string name)
    {
        var issue = ParseText(text, name).Issues.ShouldHaveSingleItem();
        issue.Message.ShouldStartWith(text[0] == '{' ? "invalid JWK file: neither a JWK" : "unrecognised content");
        issue.Location.StartLine.ShouldBe(1);
    }

    [Test]
    public void Broken_json_in_a_jwk_file_is_a_parse_error_at_its_line_without_echoing_it()
    {
        var issue = ParseText("{\n  \"kty\": \"RSA\",\n  \"n\": secretvalue\n}\n").Issues.ShouldHaveSingleItem();
        issue.Location.StartLine.ShouldBe(3);
        issue.Message.ShouldNotContain("secretvalue");
        issue.Message.ShouldStartWith("invalid JWK file: not well-formed JSON");
    }

    [TestCase("{\"name\": \"package\", \"kty\": 1, \"keys\": [1, 2]}")]
    [TestCase("{\"keys\": [\"a\"], \"note\": \"kty\"}")]
    [TestCase("{\"broken\": \"kty\"")]
    public void Other_json_found_by_sniffing_is_not_ours(string text)
    {
        var parsed = ParseText(text, "settings.json");
        parsed.Issues.ShouldBeEmpty();
        parsed.Keys.ShouldBeEmpty();
    }

    [Test]
    public void Json_files_naming_a_key_type_are_candidates_and_others_are_not()
    {
        using var dir = new CertLint.Tests.Pki.TempDirectory();
        File.Copy(PathOf("keys.jwks"), dir["jwks.json"]);
        File.WriteAllText(dir["package.json"], "{\"name\": \"x\", \"version\": \"1.0.0\"}");
        File.WriteAllText(dir["notes.txt"], File.ReadAllText(PathOf("ed25519.jwk")));
        CandidateSniffer.LooksLikeCandidate(dir["jwks.json"], new FileInfo(dir["jwks.json"]).Length).ShouldBeTrue();
        CandidateSniffer.LooksLikeCandidate(dir["package.json"], new FileInfo(dir["package.json"]).Length).ShouldBeFalse();
        CandidateSniffer.LooksLikeCandidate(dir["notes.txt"], new FileInfo(dir["notes.txt"]).Length).ShouldBeFalse();
        CandidateSniffer.HasCandidateExtension("a/keys.jwks").ShouldBeTrue();
        CandidateSniffer.HasCandidateExtension("a/key.JWK").ShouldBeTrue();
        var parsed = Parse(dir["jwks.json"]);
        parsed.Issues.ShouldBeEmpty();
        parsed.Keys.Count.ShouldBe(2);
    }
}
