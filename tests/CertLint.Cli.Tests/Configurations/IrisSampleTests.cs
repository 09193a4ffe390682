using System.Text.RegularExpressions;

namespace CertLint.Cli.Tests.Configurations;

/// <summary>
/// samples/iris, the IRIS mutual-TLS example README.md shows: its findings are the ones samples/README.md lists, and the
/// README's output block is what CertLint really prints.
/// </summary>
public sealed partial class IrisSampleTests
{
    [Test]
    public void The_iris_sample_has_exactly_its_documented_findings()
    {
        var json = Path.Combine(Path.GetTempPath(), "certlint-iris-sample-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var r = CliRunner.InProcess(CliRunner.RepoRoot, null, "samples/iris", "--now", "2026-06-01", "--json", json);
            r.ExitCode.ShouldBe(1, r.Out + r.Error);
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json));
            doc.RootElement.GetProperty("findings").EnumerateArray()
                .Where(f => f.GetProperty("suppression").ValueKind == System.Text.Json.JsonValueKind.Null)
                .Select(f => $"{f.GetProperty("rule").GetString()} {f.GetProperty("path").GetString()}:{f.GetProperty("startLine").GetInt32()}")
                .Order(StringComparer.Ordinal).ToList()
                .ShouldBe([
                    "eku-client-auth iris/certs/app-client.cer:1",
                    "peer-not-verified iris/SSLDefs.ini:8",
                    "tls-version-weak iris/SSLDefs.ini:8",
                ], r.Out);
        }
        finally
        {
            File.Delete(json);
        }
    }

    [Test]
    public void The_readme_shows_the_real_output_of_the_iris_sample()
    {
        var readme = File.ReadAllText(Path.Combine(CliRunner.RepoRoot, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var block = IrisBlock().Match(readme);
        block.Success.ShouldBeTrue("README.md shows `certlint samples/iris` and its output");
        var r = CliRunner.InProcess(CliRunner.RepoRoot, null, "samples/iris", "--now", "2026-06-01");
        Timing().Replace(r.Out, "in 0.42 s.").ShouldBe(block.Groups[1].Value);
    }

    [GeneratedRegex("```sh\ncertlint samples/iris\n```\n\n```text\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex IrisBlock();

    [GeneratedRegex(@"in \d+\.\d\d s\.")]
    private static partial Regex Timing();
}
