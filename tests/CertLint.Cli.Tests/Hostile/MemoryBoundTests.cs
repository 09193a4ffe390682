using System.Text.Json;

namespace CertLint.Cli.Tests.Hostile;

/// <summary>
/// Issue 11: memory grows with the objects found, not with garbage, and an empty file costs a few hundred bytes.
/// The real CLI runs with its managed heap capped by the runtime (DOTNET_GCHeapHardLimit): the GC then collects
/// garbage as hard as it must, so only memory the run keeps alive counts, and a run that keeps too much fails with
/// an out-of-memory exit (3) whatever the machine's load, instead of a flaky timing or RSS threshold.
/// </summary>
public class MemoryBoundTests
{
    private const int Files = 20_000;

    /// <summary>
    /// 32 MB covers what the CLI needs for one file (runtime and the ~300 built-in rules of three packs: 17–24 MB
    /// measured when the packs reached that size); 2,000 bytes per file on top. Measured on 20,000 empty
    /// files with these reports: the run needs 44–48 MB of heap; before the per-object checks and compact parse results
    /// it needed 56–64 MB and failed here with an out-of-memory exit.
    /// </summary>
    private const long BaseHeap = 32L * 1024 * 1024;
    private const long HeapLimit = BaseHeap + Files * 2_000L;

    [Test]
    public void Twenty_thousand_empty_files_are_reported_within_a_fixed_heap()
    {
        var dir = Directory.CreateTempSubdirectory("certlint-memory-").FullName;
        try
        {
            var tree = Directory.CreateDirectory(Path.Combine(dir, "tree")).FullName;
            for (var i = 0; i < Files; i++) File.Create(Path.Combine(tree, $"f{i:D5}.pem")).Dispose();
            var env = new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x" + HeapLimit.ToString("X") };

            var r = CliRunner.Process(dir, env, "tree", "--now", "2026-06-01", "--fail-on", "none", "--quiet", "--json", "r.json", "--sarif", "r.sarif");

            r.ExitCode.ShouldBe(0, r.Error);
            r.Out.ShouldContain($"Scanned {Files} files: 0 certificates, 0 keys.");
            // Every empty file is reported honestly: 1,000 findings (the per-rule cap) and one that counts the rest.
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "r.json")));
            var findings = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("message").GetString()!).ToList();
            findings.Count.ShouldBe(1_001);
            findings.Count(m => m.EndsWith("cannot be parsed: file is empty. Fix or regenerate the file, or exclude it if it is not a certificate.", StringComparison.Ordinal)).ShouldBe(1_000);
            findings.ShouldContain("19,000 more parse-error findings not shown: at most 1000 findings are reported per rule (limits.findingsPerRule)");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// A 4 MB file of stray BEGIN lines (150,000 damaged blocks) fits in the one-file heap + 3 times its size: the scanner keeps 50
    /// damaged blocks and counts the rest, so memory follows the file's size, not the garbage in it (the issue saw
    /// 645 MB RSS for 2.8 MB).
    /// </summary>
    [Test]
    public void A_file_of_stray_begin_lines_is_read_within_a_heap_of_a_few_times_its_size()
    {
        var dir = Directory.CreateTempSubdirectory("certlint-memory-").FullName;
        try
        {
            var line = "-----BEGIN CERTIFICATE-----\n"u8.ToArray();
            var count = 4 * 1024 * 1024 / line.Length;
            using (var file = File.Create(Path.Combine(dir, "stray.pem")))
            {
                for (var i = 0; i < count; i++) file.Write(line);
            }
            var limit = BaseHeap + 3L * count * line.Length;
            var env = new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x" + limit.ToString("X") };

            var r = CliRunner.Process(dir, env, ".", "--now", "2026-06-01", "--fail-on", "none", "--quiet", "--json", "r.json");

            r.ExitCode.ShouldBe(0, r.Error);
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "r.json")));
            var findings = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("message").GetString()!).ToList();
            findings.Count.ShouldBe(51);
            findings.ShouldContain(m => m.Contains($"{count - 50} more damaged PEM lines or blocks from line 51 on", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
