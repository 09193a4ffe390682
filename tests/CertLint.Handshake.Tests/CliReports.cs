using CertLint.Cli;

namespace CertLint.Handshake.Tests;

/// <summary>`certlint handshake HOST:PORT` through the CLI with every report a peer's text can reach: console, JSON, SARIF.</summary>
internal static class CliReports
{
    public static (int Exit, string Output, string Json, string Sarif) Run(string dir, int port, string name)
    {
        var output = new StringWriter();
        var exit = CliApp.Run(["handshake", $"127.0.0.1:{port}", "--servername", "localhost", "--ca", "server-root.crt", "--timeout", "20",
            "--json", name + ".json", "--sarif", name + ".sarif"], new CliContext(output, output, false, false, _ => null, dir, TimeProvider.System));
        return (exit, output.ToString(), File.ReadAllText(Path.Combine(dir, name + ".json")), File.ReadAllText(Path.Combine(dir, name + ".sarif")));
    }

    /// <summary>No report holds an escape, a bidi override or a run of <paramref name="filler"/> longer than a value's 1,000-character cut.</summary>
    public static void ShouldBeSafe(char filler, params string[] reports)
    {
        foreach (var report in reports)
        {
            report.ShouldNotContain('\u001b');
            report.ShouldNotContain('\u202E');
            report.ShouldNotContain(new string(filler, 1_001));
        }
    }
}
