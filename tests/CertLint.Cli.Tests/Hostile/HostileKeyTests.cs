using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text.Json;

namespace CertLint.Cli.Tests.Hostile;

/// <summary>
/// Issue 11 items 2, 5 and 6 through the real CLI process: key-derivation bombs are refused before any derivation,
/// a key the password decrypts but that is corrupt is a parse error, and damaged PEM lines and PKCS#7 structures
/// are parse errors with their line, never silence.
/// </summary>
public class HostileKeyTests
{
    private string _dir = "";

    [SetUp]
    public void MakeDir()
    {
        _dir = Path.Combine(Path.GetTempPath(), "certlint-hostile-keys-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void Remove() => Directory.Delete(_dir, recursive: true);

    private void Write(string name, byte[] bytes) => File.WriteAllBytes(Path.Combine(_dir, name), bytes);
    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_dir, name), text);

    /// <summary>Findings as "path:line rule" from the JSON report.</summary>
    private (CliRunner.Outcome Run, List<string> Findings, JsonDocument Json) Lint(IReadOnlyDictionary<string, string>? env = null)
    {
        var r = CliRunner.Process(_dir, env, ".", "--now", "2026-06-01", "--json", "report.json");
        var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "report.json")));
        var findings = json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("path").GetString()}:{f.GetProperty("startLine").GetInt32()} {f.GetProperty("rule").GetString()}")
            .Order(StringComparer.Ordinal).ToList();
        return (r, findings, json);
    }

    private static string MessageOf(JsonDocument json, string path) => json.RootElement.GetProperty("findings").EnumerateArray()
        .First(f => f.GetProperty("path").GetString() == path).GetProperty("message").GetString()!;

    [Test]
    public void Iteration_counts_of_two_to_the_31_are_refused_without_deriving()
    {
        var bomb = HostileInputs.EncryptedKeyWithIterations(int.MaxValue);
        Write("bomb.key", HostileInputs.Pem("ENCRYPTED PRIVATE KEY", bomb));
        Write("bomb.der", bomb);
        Write("bomb.p12", HostileInputs.Pkcs12WithMacIterations(int.MaxValue));
        Write("beyond-long.key", HostileInputs.Pem("ENCRYPTED PRIVATE KEY", HostileInputs.EncryptedKeyWithIterations(long.MaxValue)));
        // An empty BKS store (version 2, a 20-byte salt, 2^31-1 iterations, the end byte, a MAC): its MAC is never derived.
        Write("bomb.bks", [0, 0, 0, 2, 0, 0, 0, 20, .. new byte[20], 0x7F, 0xFF, 0xFF, 0xFF, 0, .. new byte[20]]);
        // Kept as a keystore is (0600): key-file-permissions judges any keystore's mode, and is not under test here.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.Combine(_dir, "bomb.bks"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        // Without the bound this run takes hours (about 30 minutes per password attempt per file); with it, seconds.
        var (r, findings, json) = Lint();
        r.ExitCode.ShouldBe(1, r.Out + r.Error);
        findings.ShouldBe([
            "beyond-long.key:1 key-derivation-limit", "bomb.bks:1 key-derivation-limit", "bomb.der:1 key-derivation-limit",
            "bomb.key:1 key-derivation-limit", "bomb.p12:1 key-derivation-limit",
        ]);
        MessageOf(json, "bomb.key").ShouldContain("2,147,483,647 iterations, AES-256-CBC) is above the key-derivation limit of 10,000,000 iterations; not attempted");
        MessageOf(json, "bomb.p12").ShouldContain("MAC, 2,147,483,647 iterations");
        MessageOf(json, "bomb.bks").ShouldContain("BKS store MAC (HMAC-SHA1, PKCS#12 KDF, 2,147,483,647 iterations) is above the key-derivation limit of 10,000,000 iterations; not attempted");
    }

    [Test]
    public void The_iteration_limit_can_be_lowered_in_the_config_but_not_raised()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var normal = key.ExportEncryptedPkcs8PrivateKey("", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 20_000));
        Write("normal.key", HostileInputs.Pem("ENCRYPTED PRIVATE KEY", normal));
        Write(".certlint.yml", "limits:\n  kdfIterations: 10000\n");
        Lint().Findings.ShouldContain("normal.key:1 key-derivation-limit");

        Write(".certlint.yml", "limits:\n  kdfIterations: 100000\n");
        Lint().Findings.ShouldNotContain("normal.key:1 key-derivation-limit");

        Write(".certlint.yml", "limits:\n  kdfIterations: 20000000\n");
        var raised = CliRunner.Process(_dir, null, ".");
        raised.ExitCode.ShouldBe(2);
        raised.Error.ShouldContain(".certlint.yml:2:18: error: 'kdfIterations' must be between 1 and 10000000 (limits can be lowered, not raised)");
    }

    /// <summary>Findings of key-derivation-limit as "path:line", from a run over <see cref="_dir"/>.</summary>
    private List<string> RefusedDerivations(out JsonDocument json)
    {
        var (r, findings, report) = Lint();
        r.ExitCode.ShouldBeOneOf([0, 1], r.Error);
        json = report;
        return findings.Where(f => f.EndsWith(" key-derivation-limit", StringComparison.Ordinal)).Select(f => f.Split(' ')[0]).ToList();
    }

    [Test]
    public void A_run_spends_at_most_its_key_derivation_budget_taken_in_file_order()
    {
        // 20 keys of 10,000 iterations then one of 5,000, all under the empty password (one attempt each), among 20
        // certificates so the run parses in parallel. The budget of 95,000 pays for nine keys; the tenth finds 5,000
        // left and is refused, and so is every later key of 10,000; the last one fits exactly what is left.
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        for (var i = 1; i <= 21; i++)
        {
            var pbe = new PbeParameters(PbeEncryptionAlgorithm.Aes128Cbc, HashAlgorithmName.SHA256, i == 21 ? 5_000 : 10_000);
            Write($"k{i:00}.key", HostileInputs.Pem("ENCRYPTED PRIVATE KEY", key.ExportEncryptedPkcs8PrivateKey("", pbe)));
        }
        using var cert = HostileInputs.CertificateWithKey();
        for (var i = 1; i <= 20; i++) Write($"c{i:00}.pem", HostileInputs.Pem("CERTIFICATE", cert.RawData));
        Write(".certlint.yml", "limits:\n  kdfBudget: 95000\n");

        string[] expected = [.. Enumerable.Range(10, 11).Select(i => $"k{i:00}.key:1")];
        for (var run = 0; run < 3; run++) RefusedDerivations(out _).ShouldBe(expected, false, $"run {run}: the budget must run out at the same key every time");
        RefusedDerivations(out var json);
        MessageOf(json, "k10.key").ShouldContain("10,000 iterations, AES-128-CBC) was not attempted: the run's key-derivation budget of 95,000 iterations (limits.kdfBudget) was spent on the files before it");

        // Without the config the default budget (100,000,000) pays for all of them.
        File.Delete(Path.Combine(_dir, ".certlint.yml"));
        RefusedDerivations(out _).ShouldBeEmpty();
    }

    [Test]
    public void One_keystore_of_many_shrouded_keys_cannot_spend_more_than_the_budget()
    {
        // Each shrouded key is its own derivation under the per-derivation limit; 40 of them cost 40 times one.
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var contents = new Pkcs12SafeContents();
        var pbe = new PbeParameters(PbeEncryptionAlgorithm.Aes128Cbc, HashAlgorithmName.SHA256, 50_000);
        for (var i = 0; i < 40; i++) contents.AddShroudedKey(key, "", pbe);
        var builder = new Pkcs12Builder();
        builder.AddSafeContentsUnencrypted(contents);
        builder.SealWithMac("", HashAlgorithmName.SHA256, 2_048);
        Write("many-keys.p12", builder.Encode());
        Write(".certlint.yml", "limits:\n  kdfBudget: 1000000\n");
        RefusedDerivations(out var json).ShouldBe(["many-keys.p12:1"]);
        MessageOf(json, "many-keys.p12").ShouldContain("50,000 iterations, AES-128-CBC) was not attempted: the run's key-derivation budget of 1,000,000 iterations");

        Write(".certlint.yml", "limits:\n  kdfBudget: 100000001\n");
        var raised = CliRunner.Process(_dir, null, ".");
        raised.ExitCode.ShouldBe(2);
        raised.Error.ShouldContain(".certlint.yml:2:14: error: 'kdfBudget' must be between 1 and 100000000 (limits can be lowered, not raised)");
    }

    [Test]
    public void A_key_the_password_decrypts_but_that_is_corrupt_is_a_parse_error_not_password_required()
    {
        Write("corrupt.key", HostileInputs.Pem("ENCRYPTED PRIVATE KEY", HostileInputs.CorruptEncryptedKey("s3cret")));
        var env = new Dictionary<string, string> { ["CERTLINT_PASSWORD"] = "s3cret" };
        var (r, findings, json) = Lint(env);
        r.ExitCode.ShouldBe(1);
        findings.ShouldBe(["corrupt.key:1 parse-error"]);
        MessageOf(json, "corrupt.key").ShouldContain("decrypted with the password but its content is corrupt");
        r.Out.ShouldNotContain("s3cret");

        // With a wrong password it is what it looks like: a key we cannot open.
        var wrong = Lint(new Dictionary<string, string> { ["CERTLINT_PASSWORD"] = "wrong" }).Findings;
        wrong.ShouldContain("corrupt.key:1 password-required");
        wrong.ShouldNotContain("corrupt.key:1 parse-error");
    }

    [Test]
    public void Damaged_pem_marker_lines_are_parse_errors_at_their_line()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var body = key.ExportPkcs8PrivateKeyPem().Split('\n').Skip(1).SkipLast(2);
        Write("damaged.key", "comment line\n-----BEGIN PRIVATE KEYY----\n" + string.Join('\n', body) + "\n-----END PRIVATE KEY-----\n");
        var (r, findings, json) = Lint();
        r.ExitCode.ShouldBe(1, r.Out);
        findings.ShouldContain("damaged.key:2 parse-error");
        MessageOf(json, "damaged.key").ShouldContain("line 2 looks like a damaged PEM BEGIN or END line");
    }

    [Test]
    public void A_pkcs7_bundle_whose_structure_does_not_parse_completely_is_a_parse_error()
    {
        Write("bundle.p7b", HostileInputs.DamagedPkcs7());
        var (r, findings, _) = Lint();
        r.ExitCode.ShouldBe(1, r.Out);
        findings.ShouldBe(["bundle.p7b:1 parse-error"]);
    }

    /// <summary>
    /// secp160r1's order exceeds 2^160, so a scalar may need one byte more than a coordinate. d = n − 1 gives −G, which
    /// the test writes from the curve's constants (SEC 2 §2.4.2): d·G was computed into a coordinate-sized buffer, which
    /// threw, and the whole key went unchecked (a stored point that is not d·G passed, and so did the 1-bit scalar −1).
    /// </summary>
    [Test]
    public void A_scalar_longer_than_a_coordinate_is_checked_against_its_point()
    {
        var p = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF7FFFFFFF", NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var n = BigInteger.Parse("0100000000000000000001F4C8F927AED3CA752257", NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var gx = BigInteger.Parse("04A96B5688EF573284664698968C38BB913CBFC82", NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var gy = BigInteger.Parse("023A628553168947D59DCC912042351377AC5FB32", NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        static byte[] Bytes(BigInteger v, int length)
        {
            var raw = v.ToByteArray(isUnsigned: true, isBigEndian: true);
            return [.. new byte[length - raw.Length], .. raw];
        }
        var d = Bytes(n - 1, 21);
        Write("minus-g.key", HostileInputs.Pem("EC PRIVATE KEY", HostileInputs.EcPrivateKey("1.3.132.0.8", d, Bytes(gx, 20), Bytes(p - gy, 20))));
        Write("g.key", HostileInputs.Pem("EC PRIVATE KEY", HostileInputs.EcPrivateKey("1.3.132.0.8", d, Bytes(gx, 20), Bytes(gy, 20))));
        // key-file-permissions is not what this test is about.
        if (!OperatingSystem.IsWindows()) foreach (var name in new[] { "minus-g.key", "g.key" }) File.SetUnixFileMode(Path.Combine(_dir, name), UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var (r, findings, _) = Lint();

        r.ExitCode.ShouldBe(1, r.Out + r.Error);
        findings.ShouldBe([
            "g.key:1 key-orphan", "g.key:1 key-private-inconsistent", "g.key:1 weak-key", "g.key:1 weak-key-ec-scalar-small",
            "minus-g.key:1 key-orphan", "minus-g.key:1 weak-key", "minus-g.key:1 weak-key-ec-scalar-small",
        ]);
    }
}
