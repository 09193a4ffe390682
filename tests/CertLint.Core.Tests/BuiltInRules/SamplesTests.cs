using CertLint.Engine;
using CertLint.Findings;
using CertLint.Tests.Pki;

namespace CertLint.Tests.BuiltInRules;

/// <summary>
/// The committed samples/ (openssl-made, see samples/README.md) linted by the whole engine: each file produces exactly
/// the findings the README lists. Run on a copy whose key modes are set the way make-samples.sh leaves them, because a
/// git checkout does not keep them.
/// </summary>
public sealed class SamplesTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>samples/README.md's table: every unsuppressed finding, as "path rule".</summary>
    private static readonly string[] Expected =
    [
        "broken/garbage.pem parse-error",
        "broken/truncated.crt parse-error",
        "iris/SSLDefs.ini peer-not-verified",
        "iris/SSLDefs.ini tls-version-weak",
        "iris/certs/app-client.cer eku-client-auth",
        "keystores/encrypted.key password-required",
        "keystores/www.p12 keystore-weak-protection",
        "keystores/www.p12 password-required",
        "mtls/client-no-clientauth.crt eku-client-auth",
        "mtls/client-no-eku.crt eku-missing",
        "mtls/client-restricted-issuer.crt eku-client-auth",
        "permissions/world-readable.key key-file-permissions",
        "server/cn-not-in-san.crt cn-not-in-san",
        "server/expired.crt cert-expired",
        "server/long-lived.crt validity-too-long",
        "server/mismatch.key key-mismatch",
        "server/missing-intermediate.fullchain.pem chain-incomplete",
        "server/no-san.crt san-missing",
        "server/not-yet-valid.crt cert-not-yet-valid",
        "server/out-of-order.fullchain.pem chain-order",
        "server/self-signed.crt aki-no-key-identifier",
        "server/self-signed.crt self-signed-leaf",
        "server/sha1-signed.crt weak-signature",
        "server/weak-rsa1024.crt weak-key",
        "server/wildcard.crt hostname-mismatch",
    ];

    private static TempDirectory CopyOfSamples(UnixFileMode keyMode, string under = "")
    {
        var dir = new TempDirectory();
        foreach (var file in Directory.GetFiles(Samples.Directory, "*", SearchOption.AllDirectories))
        {
            var target = dir[Path.Combine(under, Path.GetRelativePath(Samples.Directory, file))];
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            if (OperatingSystem.IsWindows()) continue;
            var isSecret = file.EndsWith(".key", StringComparison.Ordinal) || file.EndsWith(".p12", StringComparison.Ordinal);
            File.SetUnixFileMode(target, isSecret && !file.Contains("world-readable", StringComparison.Ordinal)
                ? keyMode
                : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        return dir;
    }

    private static LintResult Lint(string root, string? password = null) => new LintEngine().Run(new LintRequest
    {
        WorkingDirectory = root,
        Now = Now,
        Environment = name => name == "CERTLINT_PASSWORD" ? password : null,
    });

    private static string[] Unsuppressed(LintResult result) => result.Findings
        .Where(f => !f.IsSuppressed)
        .Select(f => $"{f.Location.File.RelativePath} {f.Rule.Name}")
        .Order(StringComparer.Ordinal)
        .ToArray();

    [Test]
    public void Every_sample_produces_exactly_the_findings_its_readme_lists()
    {
        using var dir = CopyOfSamples(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var result = Lint(dir.Path);

        Unsuppressed(result).ShouldBe(OperatingSystem.IsWindows() ? Expected.Where(e => !e.Contains("key-file-permissions")).ToArray() : Expected);
        result.ExitCode.ShouldBe(ExitCodes.Findings);
        result.Findings.Single(f => f.Rule.Name == "key-file-permissions").Message
            .ShouldContain("`chmod 600 permissions/world-readable.key`");
    }

    [Test]
    public void From_the_repository_root_the_readme_command_finds_the_samples_config_and_the_same_findings_relative_to_it()
    {
        using var dir = CopyOfSamples(UnixFileMode.UserRead | UnixFileMode.UserWrite, under: "samples");
        var result = new LintEngine().Run(new LintRequest
        {
            WorkingDirectory = dir.Path,
            Paths = ["samples"],
            Now = Now,
            Environment = _ => null,
        });

        // The config in use makes samples/ the root: the same report paths as `certlint .` inside it.
        result.Root.ShouldBe(Path.Combine(dir.Path, "samples"));
        Unsuppressed(result).ShouldBe(OperatingSystem.IsWindows() ? Expected.Where(e => !e.Contains("key-file-permissions")).ToArray() : Expected);
    }

    [Test]
    public void A_fresh_checkout_with_mode_644_keys_gives_the_same_findings_the_rest_suppressed()
    {
        if (OperatingSystem.IsWindows()) Assert.Ignore("no POSIX modes");
        using var dir = CopyOfSamples(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var result = Lint(dir.Path);

        Unsuppressed(result).ShouldBe(Expected);
        result.Findings.Where(f => f.IsSuppressed).Select(f => f.Rule.Name).Distinct().ShouldBe(["key-file-permissions", "key-orphan"]); // key-orphan: the lone key samples (samples/.certlint.yml)
    }

    [Test]
    public void With_the_password_the_keystores_open_and_lint_clean()
    {
        using var dir = CopyOfSamples(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var result = Lint(dir.Path, password: "changeit");

        // Opened, the PBKDF2 count of the key (openssl 3's default 2,048) is seen too.
        Unsuppressed(result).ShouldBe(Expected.Where(e => !e.Contains("password-required"))
            .Append("keystores/encrypted.key keystore-weak-protection").Order(StringComparer.Ordinal).ToArray());
        result.Inventory.Keys.Count(k => k.Location.File.RelativePath.StartsWith("keystores/", StringComparison.Ordinal)).ShouldBe(2);
    }
}
