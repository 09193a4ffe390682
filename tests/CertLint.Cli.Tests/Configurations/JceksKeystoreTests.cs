namespace CertLint.Cli.Tests.Configurations;

/// <summary>
/// JCEKS keystores, written at test time by <see cref="JceksFixture"/>: certificates are linted without opening the
/// keys, the password only checks the store digest, and a damaged store is a parse-error with its path.
/// </summary>
public sealed class JceksKeystoreTests
{
    private const string Password = "fixture-pass";
    private static readonly string Pki = Path.Combine(ConfigFixture.FixturesRoot, "pki-chain");
    private static readonly Dictionary<string, string> Env = new() { ["CERTLINT_PASSWORD"] = Password };

    private static readonly byte[] Root = JceksFixture.Der(Path.Combine(Pki, "root.crt"));
    private static readonly byte[] Issuing = JceksFixture.Der(Path.Combine(Pki, "intermediate.crt"));
    private static readonly byte[] Server = JceksFixture.Der(Path.Combine(Pki, "server.crt"));

    /// <summary>An empty fixture repository (the PKI's long validity is not under test) with the given files.</summary>
    private static ConfigFixture Repo(params (string Name, byte[] Bytes)[] files)
    {
        var repo = new ConfigFixture("jceks");
        foreach (var (name, bytes) in files)
        {
            File.WriteAllBytes(Path.Combine(repo.Root, name), bytes);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.Combine(repo.Root, name), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return repo;
    }

    [Test]
    public void A_truststore_is_read_and_its_certificates_linted_and_the_password_checks_its_digest()
    {
        using var repo = Repo(("truststore.jceks", JceksFixture.Write(Password, [Issuing, Root])));
        var (findings, outcome, json) = repo.Lint(Env);
        findings.ShouldBeEmpty(outcome.Out);
        outcome.ExitCode.ShouldBe(0);
        json.ShouldContain("CN=Fixture Issuing CA");
        json.ShouldContain("CN=Fixture Chain Root CA");
        var inventory = CliRunner.InProcess(repo.Root, Env, "inventory", "--now", "2030-01-01").Out;
        inventory.ShouldContain("truststore.jceks:1  CN=Fixture Issuing CA, serial 3001  role ca");

        // Without the password the certificates are still linted; the digest was not checked.
        var (noPassword, run, noPasswordJson) = repo.Lint();
        noPassword.ShouldBe(["password-required truststore.jceks:1"], run.Out);
        ConfigFixture.Messages(noPasswordJson, "password-required").ShouldHaveSingleItem().ShouldContain("JCEKS keystore (its integrity was not checked)");
        noPasswordJson.ShouldContain("CN=Fixture Chain Root CA");
    }

    [Test]
    public void A_keystore_lints_the_key_chain_but_never_opens_the_sealed_key()
    {
        using var repo = Repo(("server.jceks", JceksFixture.Write(Password, [Root], [Server, Issuing])));
        var (findings, outcome, json) = repo.Lint(Env);
        findings.ShouldBe(["keystore-weak-protection server.jceks:1"], outcome.Out);
        ConfigFixture.Messages(json, "keystore-weak-protection").ShouldHaveSingleItem()
            .ShouldContain("CertLint does not open JCEKS keys, so they were not checked");
        json.ShouldContain("CN=www.example.test");
        // Without its password the store is not taken for one without a password (it was keystore-no-password).
        repo.Lint().Findings.ShouldBe(["keystore-weak-protection server.jceks:1", "password-required server.jceks:1"]);
        // The JDK's default password is no protection for a store holding a key.
        using var defaulted = Repo(("server.jceks", JceksFixture.Write("changeit", [Root], [Server, Issuing])));
        defaulted.Lint().Findings.ShouldBe(["keystore-no-password server.jceks:1", "keystore-weak-protection server.jceks:1"]);
    }

    [Test]
    public void A_damaged_store_is_a_parse_error_with_its_path_and_hostile_lengths_are_refused()
    {
        var good = JceksFixture.Write(Password, [Issuing, Root]);
        var hugeCount = (byte[])good.Clone();
        hugeCount[8] = hugeCount[9] = hugeCount[10] = hugeCount[11] = 0xFF;
        var hugeCertificate = (byte[])good.Clone();
        // The first entry's certificate length (after tag 4, alias 2+3, date 8, type 2+5): 2^32-1 bytes claimed.
        for (var i = 12 + 4 + 5 + 8 + 7; i < 12 + 4 + 5 + 8 + 7 + 4; i++) hugeCertificate[i] = 0xFF;
        using var repo = Repo(("truncated.jceks", good[..(good.Length / 2)]), ("count.jceks", hugeCount), ("length.jceks", hugeCertificate));
        var (findings, outcome, json) = repo.Lint(Env);
        findings.ShouldBe(["parse-error count.jceks:1", "parse-error length.jceks:1", "parse-error truncated.jceks:1"], outcome.Out);
        ConfigFixture.Messages(json, "parse-error").ShouldBe([
            "count.jceks:1 cannot be parsed: invalid JCEKS keystore: more than 1000 JCEKS entries. Fix or regenerate the file, or exclude it if it is not a certificate.",
            "length.jceks:1 cannot be parsed: invalid JCEKS keystore: truncated JCEKS keystore. Fix or regenerate the file, or exclude it if it is not a certificate.",
            "truncated.jceks:1 cannot be parsed: invalid JCEKS keystore: truncated JCEKS keystore. Fix or regenerate the file, or exclude it if it is not a certificate.",
        ], ignoreOrder: true);
    }
}
