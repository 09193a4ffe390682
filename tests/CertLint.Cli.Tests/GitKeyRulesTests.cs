using System.Diagnostics;
using System.Security.Cryptography;

namespace CertLint.Cli.Tests;

/// <summary>
/// private-key-committed and key-file-permissions against a real git work tree: a tracked key is "committed" and its
/// 644 mode is git's doing (not judged); an untracked key, or any key outside a work tree, is judged by its mode.
/// </summary>
public class GitKeyRulesTests
{
    private string _dir = "";

    [SetUp]
    public void MakeDir()
    {
        if (OperatingSystem.IsWindows()) Assert.Ignore("POSIX modes");
        _dir = Path.Combine(Path.GetTempPath(), "certlint-git-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void Remove() => Directory.Delete(_dir, recursive: true);

    private void WriteKey(string name, bool encrypted = false)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = encrypted
            ? PemEncoding.WriteString("ENCRYPTED PRIVATE KEY", key.ExportEncryptedPkcs8PrivateKey("pw", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000)))
            : key.ExportPkcs8PrivateKeyPem();
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, pem + "\n");
        if (OperatingSystem.IsWindows()) return;
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }

    private void Git(params string[] args) => RunGit(_dir, args);

    /// <summary>Runs git in <paramref name="directory"/> and checks that it succeeded.</summary>
    internal static void RunGit(string directory, params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        p.ExitCode.ShouldBe(0, $"git {string.Join(' ', args)}");
    }

    /// <summary>The findings of the given rules (of every rule when none is given), as "path rule".</summary>
    private List<string> Findings(params string[] rules)
    {
        var r = CliRunner.Process(_dir, null, ".", "--now", "2026-06-01", "--json", Path.Combine(Path.GetTempPath(), Path.GetFileName(_dir) + ".json"));
        var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetTempPath(), Path.GetFileName(_dir) + ".json")));
        return json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("path").GetString()} {f.GetProperty("rule").GetString()}")
            .Where(f => rules.Length == 0 || rules.Any(r => f.EndsWith(" " + r, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal).ToList();
    }

    [Test]
    public void Tracked_keys_are_committed_untracked_keys_are_judged_by_mode()
    {
        Git("init", "-q");
        WriteKey("deploy/tracked.key");
        WriteKey("deploy/tracked-encrypted.key", encrypted: true);
        Git("add", "deploy");
        WriteKey("deploy/untracked.key");
        Findings("private-key-committed", "key-file-permissions").ShouldBe([
            "deploy/tracked.key private-key-committed",
            "deploy/untracked.key key-file-permissions",
        ]);
    }

    [Test]
    public void Outside_a_work_tree_no_key_is_committed_and_every_mode_is_judged()
    {
        WriteKey("srv/tls/server.key");
        Findings("private-key-committed", "key-file-permissions").ShouldBe(["srv/tls/server.key key-file-permissions"]);
    }

    [Test]
    public void Openssh_keys_are_judged_by_the_same_key_rules_and_are_never_orphans()
    {
        Git("init", "-q");
        var fixtures = Path.Combine(CliRunner.RepoRoot, "tests", "fixtures", "openssh");
        Directory.CreateDirectory(Path.Combine(_dir, ".ssh"));
        foreach (var (from, to) in new[] { ("ed25519", "id_ed25519"), ("rsa-1024", "id_rsa"), ("ed25519-encrypted", "id_encrypted") })
        {
            File.Copy(Path.Combine(fixtures, from), Path.Combine(_dir, ".ssh", to));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.Combine(_dir, ".ssh", to), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        Git("add", ".ssh");
        Findings("private-key-committed", "key-file-permissions", "weak-key", "key-orphan", "parse-error").ShouldBe([
            ".ssh/id_ed25519 private-key-committed",
            ".ssh/id_rsa private-key-committed",
            ".ssh/id_rsa weak-key",
        ]);
    }

    [Test]
    public void Openpgp_key_blocks_are_judged_by_the_same_key_rules_and_are_never_orphans()
    {
        Git("init", "-q");
        var fixtures = Path.Combine(CliRunner.RepoRoot, "tests", "fixtures", "pgp");
        Directory.CreateDirectory(Path.Combine(_dir, "keys"));
        foreach (var (from, to) in new[]
                 {
                     ("rsa2048-cv25519-secret.asc", "signing.asc"), ("rsa2048-stub-secret-subkeys.asc", "stub.asc"),
                     ("ed25519-encrypted.asc", "release.asc"), ("rsa1024-public.asc", "weak.asc"),
                     ("nistp256-damaged-checksum.asc", "damaged.asc"), ("rsa2048-cv25519-public.asc", "KEYS.asc"),
                 })
        {
            File.Copy(Path.Combine(fixtures, from), Path.Combine(_dir, "keys", to));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.Combine(_dir, "keys", to), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        Git("add", "keys");
        // Every finding of the run: the unencrypted secret keys are committed (the stub's exported subkey too), the
        // RSA 1024 key is weak, the damaged armor is an error; the encrypted key and the public blocks are fine.
        Findings().ShouldBe([
            "keys/damaged.asc parse-error",
            "keys/signing.asc private-key-committed",
            "keys/stub.asc private-key-committed",
            "keys/weak.asc weak-key",
        ]);
    }
}
