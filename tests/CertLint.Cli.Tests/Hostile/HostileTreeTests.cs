using System.Diagnostics;
using System.Text.Json;

namespace CertLint.Cli.Tests.Hostile;

/// <summary>
/// A hostile tree through the real CLI: a directory symlink loop, a symlink to itself, a FIFO, a 2 GB sparse file, an
/// empty file 100 directories deep and a chmod 000 file. Each is one parse-error at its path, nothing hangs (the FIFO
/// is never opened, the sparse file never read), and the run exits 1. The typical run takes about 2 seconds; the
/// bound (3 minutes) is a termination bound. Run as root (CI containers), chmod 000 does not stop a read: the file is
/// then read and its damaged content is the error, and the test says which case it checked.
/// </summary>
[Platform(Exclude = "Win")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HostileTreeTests
{
    private string _dir = "";

    [SetUp]
    public void MakeDir()
    {
        _dir = Path.Combine(Path.GetTempPath(), "certlint-tree-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void Remove()
    {
        File.SetUnixFileMode(Path.Combine(_dir, "locked.pem"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Directory.Delete(_dir, recursive: true);
    }

    [Test]
    public void Loops_fifos_sparse_deep_and_unreadable_entries_are_each_one_parse_error()
    {
        Directory.CreateSymbolicLink(Path.Combine(_dir, "loop"), _dir);
        File.CreateSymbolicLink(Path.Combine(_dir, "self.pem"), Path.Combine(_dir, "self.pem"));
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(_dir, "pipe.pem"))) mkfifo.WaitForExit();
        using (var sparse = File.Create(Path.Combine(_dir, "sparse.pem"))) sparse.SetLength(2L << 30);
        var deep = Path.Combine([_dir, .. Enumerable.Repeat("d", 100)]);
        Directory.CreateDirectory(deep);
        File.WriteAllText(Path.Combine(deep, "empty.pem"), "");
        var locked = Path.Combine(_dir, "locked.pem");
        File.WriteAllText(locked, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        File.SetUnixFileMode(locked, UnixFileMode.None);
        var readable = CanRead(locked);

        var run = Task.Run(() => CliRunner.Process(_dir, null, ".", "--now", "2026-06-01T00:00:00Z", "--json", "../" + Path.GetFileName(_dir) + ".json"));
        run.Wait(TimeSpan.FromMinutes(3)).ShouldBeTrue("the run on the hostile tree did not finish");
        run.Result.ExitCode.ShouldBe(1, run.Result.Error);

        var deepPath = string.Join('/', Enumerable.Repeat("d", 100)) + "/empty.pem";
        Findings().ShouldBe([
            $"parse-error {deepPath}:1 {deepPath}:1 cannot be parsed: file is empty",
            readable
                ? "parse-error locked.pem:1 locked.pem:1 cannot be parsed: invalid CERTIFICATE block: The provided data is tagged with 'Universal' class value '0', but it should have been 'Universal' class value '16'"
                : "parse-error locked.pem:1 locked.pem:1 cannot be parsed: permission denied",
            "parse-error pipe.pem:1 pipe.pem:1 cannot be parsed: is a FIFO (named pipe), not a regular file; not read",
            "parse-error self.pem:1 self.pem:1 cannot be parsed: broken or looping symbolic link",
            "parse-error sparse.pem:1 sparse.pem:1 cannot be parsed: too large (2048 MB); limit is 10 MB, not parsed",
        ]);
        TestContext.Out.WriteLine(readable ? "chmod 000 did not stop reads (root): checked the read path" : "checked the permission-denied path");
    }

    /// <summary>Whether this process can open a chmod 000 file (root can): the case the test checks.</summary>
    private static bool CanRead(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>"RULE PATH:LINE MESSAGE" of every finding, the advice sentence cut, sorted.</summary>
    private string[] Findings()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(_dir + ".json"));
        File.Delete(_dir + ".json");
        return [.. json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("rule").GetString()} {f.GetProperty("path").GetString()}:{f.GetProperty("startLine").GetInt32()} "
                + f.GetProperty("message").GetString()!.Replace(". Fix or regenerate the file, or exclude it if it is not a certificate.", "", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];
    }
}
