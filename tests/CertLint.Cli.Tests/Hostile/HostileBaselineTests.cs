using System.Text.Json;

namespace CertLint.Cli.Tests.Hostile;

/// <summary>
/// A `--baseline` a pull request wrote: its results that no finding matches go back into the new SARIF report as
/// "absent" results. Found by the `baseline` fuzz harness's check of that report (fuzz/CertLint.Fuzz/BaselineTarget):
/// a baseline's level, rule id, URI and fingerprint were copied as they stood, so one result with level "fatal\a", a
/// URI with spaces and ESC, or a fingerprint that is not ours made a report GitHub refuses whole (invalid level or
/// URI), and carried terminal escapes to any viewer.
/// </summary>
public class HostileBaselineTests
{
    private const string Ours = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static string Result(string fingerprint, string level, string ruleId, string uri, int start) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["ruleId"] = ruleId,
            ["level"] = level,
            ["message"] = new { text = "old \u001b[2J finding\u202e" },
            ["locations"] = new[] { new { physicalLocation = new { artifactLocation = new { uri }, region = new { startLine = start, endLine = 1 } } } },
            ["partialFingerprints"] = new Dictionary<string, string> { ["certlintFingerprint/v1"] = fingerprint },
        });

    [Test]
    public void Absent_results_from_a_hostile_baseline_are_written_as_certlint_writes_them()
    {
        var dir = Directory.CreateTempSubdirectory("certlint-baseline-").FullName;
        try
        {
            var results = string.Join(',',
                Result(Ours, "fatal\u0007", "CL0001\u001b[31m", "certs/a b\u001b[31m.pem", -5),
                Result(Ours.Replace('0', 'f'), "note", "CL0002", "certs/ok%20name.pem", 7),
                Result("not-ours", "error", "CL0003", "certs/x.pem", 1),
                Result(Ours.ToUpperInvariant(), "error", "CL0004", "certs/y.pem", 1));
            File.WriteAllText(Path.Combine(dir, "baseline.sarif"), $"{{\"version\":\"2.1.0\",\"runs\":[{{\"results\":[{results}]}}]}}");

            var r = CliRunner.Process(dir, null, ".", "--allow-empty", "--now", "2026-06-01", "--baseline", "baseline.sarif", "--sarif", "out.sarif");

            r.ExitCode.ShouldBe(0, r.Out + r.Error);
            using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "out.sarif")));
            var absent = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Select(x => (
                    Rule: x.GetProperty("ruleId").GetString(),
                    Level: x.GetProperty("level").GetString(),
                    Message: x.GetProperty("message").GetProperty("text").GetString(),
                    Uri: x.TryGetProperty("locations", out var l) ? l[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString() : null,
                    Start: x.TryGetProperty("locations", out var m) ? m[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32() : 0,
                    State: x.GetProperty("baselineState").GetString()))
                .ToList();
            // Only our fingerprints (lower-case SHA-256 hex) come back; a malformed URI is dropped, not rewritten.
            absent.ShouldBe([
                ("CL0001?[31m", "warning", "old ?[2J finding?", null, 0, "absent"),
                ("CL0002", "note", "old ?[2J finding?", "certs/ok%20name.pem", 7, "absent"),
            ]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
