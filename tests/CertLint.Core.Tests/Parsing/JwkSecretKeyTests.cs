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
            "hs256-short.jwk:1 hs256-short.jwk:1 holds a JWK \"oct\" secret key (128 bits, HS256) and is tracked by git: anyone with the repository has the secret.",
            "hs256.jwk:1 hs256.jwk:1 holds a JWK \"oct\" secret key (256 bits, HS256) and is tracked by git: anyone with the repository has the secret.",
            "mixed.jwks:15 mixed.jwks:15 holds a JWK \"oct\" secret key (512 bits) and is tracked by git: anyone with the repository has the secret.",
            "mixed.jwks:9 mixed.jwks:9 holds a JWK \"oct\" secret key (128 bits, A128KW) and is tracked by git: anyone with the repository has the secret.",
        ]);
        // The short one is also weak, in its own finding; the 128-bit A128KW key is as long as its algorithm needs.
        result.Of("secret-key-weak").Select(f => f.Replace("tests/fixtures/secret-keys/", "", StringComparison.Ordinal)).ShouldBe([ShortKeyWeak]);
        var text = result.AllText();
        foreach (var (file, index) in new[] { ("hs256.jwk", -1), ("hs256-short.jwk", -1), ("mixed.jwks", 1), ("mixed.jwks", 2) })
            text.ShouldNotContain(Value(file, index));
        // The RSA public key beside them is a key of the model, and no secret.
        result.Findings.Where(f => f.Location.File.RelativePath.EndsWith("mixed.jwks", StringComparison.Ordinal) && f.Rule.Name != "secret-key-committed").ShouldBeEmpty();
    }

    private const string ShortKeyWeak = "hs256-short.jwk:1 hs256-short.jwk:1 holds a JWK \"oct\" secret key (128 bits, HS256), shorter than the 256 bits HS256 requires (RFC 7518): "
        + "replace it with a random key of at least 256 bits.";

    [Test]
    [Platform(Exclude = "Win")]
    public void Outside_a_work_tree_a_short_key_is_weak_and_a_readable_secret_file_is_open_but_none_is_committed()
    {
        if (OperatingSystem.IsWindows()) return; // no POSIX modes (the attribute already excludes it)
        using var dir = new CertLint.Tests.Pki.TempDirectory();
        foreach (var name in new[] { "hs256-short.jwk", "hs256.jwk", "mixed.jwks" }) File.Copy(Path.Combine(Folder, name), dir[name]);
        const UnixFileMode Owner = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        File.SetUnixFileMode(dir["hs256-short.jwk"], Owner);
        File.SetUnixFileMode(dir["hs256.jwk"], Owner | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetUnixFileMode(dir["mixed.jwks"], Owner | UnixFileMode.GroupRead);
        var result = BoundedLint.Run(dir.Path, ".");
        result.Findings.Where(f => !f.IsSuppressed).Select(f => $"{f.Rule.Name} {f.Location.File.RelativePath}:{f.Location.StartLine} {f.Message}").Order(StringComparer.Ordinal).ShouldBe([
            "key-file-permissions hs256.jwk:1 hs256.jwk holds a secret key and has mode 644, open to group and others: run `chmod 600 hs256.jwk`.",
            "key-file-permissions mixed.jwks:1 mixed.jwks holds a secret key and has mode 640, open to group: run `chmod 600 mixed.jwks`.",
            "secret-key-weak " + ShortKeyWeak,
        ]);
        result.AllText().ShouldNotContain(Value("hs256-short.jwk"));
    }

    [Test]
    [Platform(Exclude = "Win")]
    public void A_readable_keystore_says_what_it_holds_a_private_key_a_secret_key_or_only_certificates()
    {
        if (OperatingSystem.IsWindows()) return; // no POSIX modes (the attribute already excludes it)
        using var dir = new CertLint.Tests.Pki.TempDirectory();
        foreach (var name in new[] { "secret.p12", "secrets.jceks", "secrets.bks" }) File.Copy(Path.Combine(Folder, name), dir[name]);
        foreach (var name in new[] { "truststore.bks", "keystore.bks" }) File.Copy(Path.Combine(Fixtures.Directory, "bks", name), dir[name]);
        foreach (var file in Directory.GetFiles(dir.Path)) File.SetUnixFileMode(file, (UnixFileMode)0b110_100_100);
        var result = BoundedLint.Run(dir.Path, ".");
        static string Open(string file, string what) =>
            $"{file}:1 {file} holds {what} and has mode 644, open to group and others: run `chmod 600 {file}`.";
        // A truststore or a store of secret keys was said to hold "a private key".
        result.Of("key-file-permissions").ShouldBe([
            Open("keystore.bks", "a private key"),
            Open("secret.p12", "a secret key"),
            Open("secrets.bks", "a secret key"),
            Open("secrets.jceks", "a secret key"),
            Open("truststore.bks", "a BKS keystore"),
        ]);
    }
}
