using System.Text.Json;

namespace CertLint.Cli.Tests;

/// <summary>
/// BouncyCastle keystores (tests/fixtures/bks, made by keytool with bcprov) through the real certlint process: an
/// Android app's pinned truststore is linted like any certificate file, with or without its password, and a key
/// stored in clear in a committed store is a committed private key.
/// </summary>
[Platform(Exclude = "Win")]
public sealed class BksKeystoreTests
{
    private static readonly string Bks = Path.Combine(CliRunner.RepoRoot, "tests", "fixtures", "bks");
    private static readonly Dictionary<string, string> Env = new() { ["CERTLINT_PASSWORD"] = "fixture-password" };
    private string _dir = "";

    [SetUp]
    public void MakeDir()
    {
        _dir = Path.Combine(Path.GetTempPath(), "certlint-bks-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_dir, "app", "src", "main", "res", "raw"));
    }

    [TearDown]
    public void Remove() => Directory.Delete(_dir, recursive: true);

    private void Copy(string fixture, string to)
    {
        File.Copy(Path.Combine(Bks, fixture), Path.Combine(_dir, to));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.Combine(_dir, to), UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    /// <summary>Findings as "rule path:line" and messages by rule, from `certlint . --now 2030-01-01 --json`.</summary>
    private (List<string> Findings, JsonElement[] Raw, CliRunner.Outcome Run) Lint(IReadOnlyDictionary<string, string>? env)
    {
        var report = Path.Combine(Path.GetTempPath(), Path.GetFileName(_dir) + ".json");
        var run = CliRunner.Process(_dir, env, ".", "--now", "2030-01-01", "--json", report);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        File.Delete(report);
        var raw = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.Clone()).ToArray();
        var findings = raw.Select(f => $"{f.GetProperty("rule").GetString()} {f.GetProperty("path").GetString()}:{f.GetProperty("startLine").GetInt32()}")
            .Order(StringComparer.Ordinal).ToList();
        return (findings, raw, run);
    }

    private static string Message(JsonElement[] findings, string rule) =>
        findings.Single(f => f.GetProperty("rule").GetString() == rule).GetProperty("message").GetString()!;

    [Test]
    public void A_pinned_truststore_is_linted_with_or_without_its_password()
    {
        Copy("truststore.bks", "app/src/main/res/raw/pins.bks");
        var (findings, raw, run) = Lint(Env);
        // Two self-signed leaves (no AKI, no EKU): one expired in 2021, one of RSA 1024 valid until 2109.
        string[] rules = [
            "aki-no-key-identifier", "aki-no-key-identifier", "cert-expired", "eku-missing", "eku-missing", "role-unknown",
            "self-signed-leaf", "self-signed-leaf", "validity-too-long", "weak-key",
        ];
        findings.ShouldBe(rules.Select(r => r + " app/src/main/res/raw/pins.bks:1"), run.Out + run.Error);
        run.ExitCode.ShouldBe(1, run.Out + run.Error);
        Message(raw, "cert-expired").ShouldContain("CN=expired.fixture.test");
        Message(raw, "weak-key").ShouldContain("CN=rsa1024.fixture.test");

        var (locked, lockedRaw, _) = Lint(null);
        locked.ShouldBe(findings.Append("password-required app/src/main/res/raw/pins.bks:1").Order(StringComparer.Ordinal).ToList());
        Message(lockedRaw, "password-required").ShouldContain("BKS keystore (its integrity was not checked)");
    }

    [Test]
    public void A_key_in_clear_in_a_committed_store_is_a_committed_private_key()
    {
        Copy("plain-key.bks", "app/src/main/res/raw/client.bks");
        GitKeyRulesTests.RunGit(_dir, "init", "-q");
        GitKeyRulesTests.RunGit(_dir, "add", ".");
        var (findings, raw, run) = Lint(Env);
        // The leaf of the parser fixtures (CA/B Forum policy OIDs, a 30,000-day validity, its issuer absent) and its key.
        string[] rules = ["chain-incomplete", "client-cert-public-tls", "key-exposed-public-cert", "private-key-committed", "validity-too-long"];
        findings.ShouldBe(rules.Select(r => r + " app/src/main/res/raw/client.bks:1"), run.Out + run.Error);
        Message(raw, "private-key-committed").ShouldContain("RSA 2048 private key");
    }

    [Test]
    public void A_sealed_key_store_and_a_store_that_is_no_bks_are_reported()
    {
        Copy("keystore.bks", "keystore.bks");
        Copy("uber.bks", "app/src/main/res/raw/uber.bks");
        File.WriteAllText(Path.Combine(_dir, "notes.bks"), "not a keystore\n");
        var (findings, raw, run) = Lint(Env);
        // The UBER store opened by the password: its one certificate (../rsa1024.pem, self-signed RSA 1024) is linted.
        const string Uber = " app/src/main/res/raw/uber.bks:1";
        findings.ShouldBe([
            "aki-no-key-identifier" + Uber, "chain-incomplete keystore.bks:1", "chain-incomplete keystore.bks:1", "chain-incomplete keystore.bks:1",
            "eku-missing" + Uber, "keystore-weak-protection keystore.bks:1", "parse-error notes.bks:1", "role-unknown" + Uber,
            "self-signed-leaf" + Uber, "validity-too-long" + Uber, "validity-too-long keystore.bks:1", "weak-key" + Uber,
        ], run.Out + run.Error);
        Message(raw, "keystore-weak-protection").ShouldContain("BouncyCastle BKS: keys sealed with PKCS#12 PBE (SHA-1 and 3DES)");
        // Without the password: its integrity unchecked, and the store not taken for one the empty password opens.
        var (locked, lockedRaw, _) = Lint(null);
        locked.Where(f => f.EndsWith(" keystore.bks:1", StringComparison.Ordinal)).ShouldBe([
            "chain-incomplete keystore.bks:1", "chain-incomplete keystore.bks:1", "chain-incomplete keystore.bks:1",
            "keystore-weak-protection keystore.bks:1", "password-required keystore.bks:1", "role-unknown keystore.bks:1",
            "validity-too-long keystore.bks:1",
        ]);
        Message(raw.Where(f => f.GetProperty("path").GetString() == "notes.bks").ToArray(), "parse-error").ShouldContain("invalid BKS keystore: not a BKS keystore");
        // Without it, nothing of the UBER store can be read: a parse error saying so.
        locked.Where(f => f.EndsWith(Uber, StringComparison.Ordinal)).ShouldBe(["parse-error" + Uber]);
        Message(lockedRaw.Where(f => f.GetProperty("path").GetString()!.EndsWith("uber.bks", StringComparison.Ordinal)).ToArray(), "parse-error")
            .ShouldContain("an UBER keystore (BouncyCastle's store encrypted as a whole) that no candidate password opened");
    }
}
