using System.Text.Json;

namespace CertLint.Cli.Tests.Configurations;

/// <summary>
/// One fixture repository under tests/fixtures/configs, copied to a temporary folder (keys set to 0600, as a
/// deployment would have them) and linted by the real CLI at a fixed instant. Findings come back as
/// "rule path:line", the form the exact-set assertions use.
/// </summary>
internal sealed class ConfigFixture : IDisposable
{
    public static readonly string FixturesRoot = Path.Combine(CliRunner.RepoRoot, "tests", "fixtures", "configs");

    public string Root { get; }

    public ConfigFixture(string name)
    {
        Root = Path.Combine(Path.GetTempPath(), "certlint-cfg-" + Guid.NewGuid().ToString("N"));
        var from = Path.Combine(FixturesRoot, name);
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(Root, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(Root);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(Root, Path.GetRelativePath(from, file));
            File.Copy(file, to);
            // Keys (and manifests holding them) as a deployment would keep them: 0600.
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(to, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>Runs `certlint --now 2030-01-01 . --json` and returns the findings, plus the console output.</summary>
    public (List<string> Findings, CliRunner.Outcome Outcome, string Json) Lint(params string[] extra) => Lint(null, extra);

    /// <summary>The same with environment variables (CERTLINT_PASSWORD for keystores).</summary>
    public (List<string> Findings, CliRunner.Outcome Outcome, string Json) Lint(IReadOnlyDictionary<string, string>? env, params string[] extra) =>
        LintAt("2030-01-01", env, extra);

    /// <summary>The same at another instant.</summary>
    public (List<string> Findings, CliRunner.Outcome Outcome, string Json) LintAt(string now, IReadOnlyDictionary<string, string>? env, params string[] extra)
    {
        var report = Path.Combine(Root, "..", Path.GetFileName(Root) + ".json");
        var outcome = CliRunner.InProcess(Root, env, ["--now", now, ".", "--json", report, .. extra]);
        var json = File.ReadAllText(report);
        File.Delete(report);
        using var doc = JsonDocument.Parse(json);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("rule").GetString()} {f.GetProperty("path").GetString()}:{f.GetProperty("startLine").GetInt32()}")
            .Order(StringComparer.Ordinal).ToList();
        return (findings, outcome, json);
    }

    /// <summary>A correct set-up: no finding, exit 0; returns what `certlint inventory` prints (exit 0 too).</summary>
    public string CleanInventory()
    {
        var (findings, outcome, _) = Lint();
        findings.ShouldBeEmpty(outcome.Out);
        outcome.ExitCode.ShouldBe(0);
        var inventory = CliRunner.InProcess(Root, null, "inventory", "--now", "2030-01-01");
        inventory.ExitCode.ShouldBe(0, inventory.Out + inventory.Error);
        return inventory.Out;
    }

    /// <summary>The finding messages of one rule.</summary>
    public static List<string> Messages(string json, string rule)
    {
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("rule").GetString() == rule).Select(f => f.GetProperty("message").GetString()!)];
    }

    /// <summary>The related locations of one rule's findings, as "path:line message" (the other places of the same defect).</summary>
    public static List<string> Related(string json, string rule)
    {
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("rule").GetString() == rule && f.TryGetProperty("related", out _))
            .SelectMany(f => f.GetProperty("related").EnumerateArray())
            .Select(r => $"{r.GetProperty("path").GetString()}:{r.GetProperty("startLine").GetInt32()} {r.GetProperty("message").GetString()}")];
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
