using CertLint.Core.Tests.Hostile;

namespace CertLint.Core.Tests.Parsing;

/// <summary>
/// Symmetric secret keys of tests/fixtures/secret-keys (make-secret-keys.sh: JWKs from os.urandom, keystores from
/// keytool), linted in place by the real engine: the folder is tracked by git, so each secret is secret-key-committed
/// at its lines with its length and "alg", never its value, and an "oct" key shorter than its "alg" needs is weak.
/// </summary>
public sealed class JwkSecretKeyTests
{
    private static readonly string Folder = Path.Combine(Fixtures.Directory, "secret-keys");

    private static string Value(string file, int index = -1)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, file)))!;
        return (index < 0 ? json : json["keys"]![index]!)["k"]!.GetValue<string>();
    }

    [Test]
    public void Each_committed_oct_key_is_reported_at_its_lines_with_its_length_and_alg_and_never_its_value()
    {
        var result = BoundedLint.Run(Folder, ".");
        // Paths are relative to the work tree the folder is in.
        var findings = result.Of("secret-key-committed").Where(f => f.Contains(".jwk", StringComparison.Ordinal))
            .Select(f => f.Replace("tests/fixtures/secret-keys/", "", StringComparison.Ordinal)).ToArray();
        findings.ShouldBe([
            "hs256-short.jwk:1 hs256-short.jwk:1 holds a JWK \"oct\" secret key (128 bits, HS256) and is tracked by git: anyone with the repository has the secret, "
                + "and at 128 bits it is also weaker than HS256 needs (256 bits, RFC 7518).",
            "hs256.jwk:1 hs256.jwk:1 holds a JWK \"oct\" secret key (256 bits, HS256) and is tracked by git: anyone with the repository has the secret.",
            "mixed.jwks:15 mixed.jwks:15 holds a JWK \"oct\" secret key (512 bits) and is tracked by git: anyone with the repository has the secret.",
            "mixed.jwks:9 mixed.jwks:9 holds a JWK \"oct\" secret key (128 bits, A128KW) and is tracked by git: anyone with the repository has the secret.",
        ]);
        var text = result.AllText();
        foreach (var (file, index) in new[] { ("hs256.jwk", -1), ("hs256-short.jwk", -1), ("mixed.jwks", 1), ("mixed.jwks", 2) })
            text.ShouldNotContain(Value(file, index));
        // The RSA public key beside them is a key of the model, and no secret.
        result.Findings.Where(f => f.Location.File.RelativePath.EndsWith("mixed.jwks", StringComparison.Ordinal) && f.Rule.Name != "secret-key-committed").ShouldBeEmpty();
    }

    [Test]
    public void An_untracked_oct_key_is_not_judged()
    {
        using var dir = new CertLint.Tests.Pki.TempDirectory();
        File.Copy(Path.Combine(Folder, "hs256-short.jwk"), dir["hs256-short.jwk"]);
        BoundedLint.Run(dir.Path, ".").Of("secret-key-committed").ShouldBeEmpty();
    }
}
