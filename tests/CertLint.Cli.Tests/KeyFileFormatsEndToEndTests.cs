namespace CertLint.Cli.Tests;

/// <summary>
/// Key files in formats other than PEM and DER, committed to a repository, through the real certlint. A JWK Set: its
/// 1024-bit RSA private key is judged as a PEM key would be, and the P-256 key's x5c certificate is linted at the JWK's
/// lines and paired with it (the RSA key, which has no certificate, is not said to mismatch the other key's
/// certificate). PuTTY keys: an unencrypted weak key, and encrypted ones read from their public lines.
/// </summary>
public class KeyFileFormatsEndToEndTests
{
    private string _dir = "";

    [SetUp]
    public void MakeDir()
    {
        _dir = Path.Combine(Path.GetTempPath(), "certlint-keyfiles-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_dir, "config"));
    }

    [TearDown]
    public void Remove() => Directory.Delete(_dir, recursive: true);

    private void Git(params string[] args) => GitKeyRulesTests.RunGit(_dir, args);

    /// <summary>Runs certlint on config/ and returns its JSON report's findings as "path:start-end rule", sorted.</summary>
    private (CliRunner.Outcome Run, System.Text.Json.JsonElement Report, List<string> Findings) Lint()
    {
        var report = Path.Combine(_dir, "report.json");
        var run = CliRunner.Process(_dir, null, "config", "--now", "2026-06-01", "--json", report);
        var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(report)).RootElement;
        var findings = json.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("path").GetString()}:{f.GetProperty("startLine").GetInt32()}-{f.GetProperty("endLine").GetInt32()} {f.GetProperty("rule").GetString()}")
            .Order(StringComparer.Ordinal).ToList();
        return (run, json, findings);
    }

    [Test]
    public void A_committed_jwk_set_is_scanned_and_its_weak_private_key_fails_the_run()
    {
        File.Copy(Path.Combine(CliRunner.RepoRoot, "tests", "fixtures", "jwk", "keys.jwks"), Path.Combine(_dir, "config", "keys.jwks"));
        Git("init", "-q");
        Git("add", "config");
        var (run, json, findings) = Lint();
        run.ExitCode.ShouldBe(1, run.Out + run.Error);
        run.Out.ShouldContain("Scanned 1 file: 1 certificate, 2 keys.");
        json.GetProperty("files")[0].GetProperty("kind").GetString().ShouldBe("jwk");
        findings.ShouldBe([
                "config/keys.jwks:16-26 aki-no-key-identifier",
                "config/keys.jwks:16-26 eku-missing",
                "config/keys.jwks:16-26 role-unknown",
                "config/keys.jwks:16-26 self-signed-leaf",
                "config/keys.jwks:16-26 ski-missing-leaf",
                "config/keys.jwks:3-15 private-key-committed",
                "config/keys.jwks:3-15 weak-key",
            ]);
        foreach (var key in json.GetProperty("keys").EnumerateArray())
        {
            key.GetProperty("format").GetString().ShouldBe("jwk");
        }
        // Never a member's value in any message.
        var jwks = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "config", "keys.jwks"))).RootElement;
        foreach (var member in jwks.GetProperty("keys")[0].EnumerateObject().Where(m => m.Name is "n" or "d" or "p" or "q"))
        {
            run.Out.ShouldNotContain(member.Value.GetString()![..16]);
            json.GetRawText().ShouldNotContain(member.Value.GetString()![..16]);
        }
    }

    [Test]
    public void Committed_putty_keys_are_scanned_and_judged_by_the_key_rules()
    {
        foreach (var name in new[] { "rsa-1024.ppk", "rsa-2048-v2-encrypted.ppk", "ed25519-encrypted.ppk" })
        {
            File.Copy(Path.Combine(CliRunner.RepoRoot, "tests", "fixtures", "ppk", name), Path.Combine(_dir, "config", name));
        }
        Git("init", "-q");
        Git("add", "config");
        var (run, json, findings) = Lint();
        run.ExitCode.ShouldBe(1, run.Out + run.Error);
        run.Out.ShouldContain("Scanned 3 files: 0 certificates, 3 keys.");
        json.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("kind").GetString()).ShouldAllBe(k => k == "ppk");
        findings.ShouldBe([
            "config/rsa-1024.ppk:1-18 private-key-committed",
            "config/rsa-1024.ppk:1-18 weak-key",
            "config/rsa-2048-v2-encrypted.ppk:1-26 keystore-weak-protection",
        ]);
        run.Out.ShouldNotContain("fixture rsa"); // the comment lines
    }
}
