using System.Diagnostics;

namespace CertLint.Action.Tests.Harness;

/// <summary>Runs a bash script the way the runner runs a `shell: bash` step.</summary>
internal static class Bash
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        public override string ToString() => $"exit {ExitCode}\n{Stdout}{Stderr}";
    }

    public static Result Run(string scriptFile, IEnumerable<KeyValuePair<string, string>> environment, string workingDirectory,
        params string[] arguments)
    {
        var info = new ProcessStartInfo("bash", ["--noprofile", "--norc", "-eo", "pipefail", scriptFile, .. arguments])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The runner does not pass the test host's GitHub variables on: each step gets its own.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("GITHUB_", StringComparison.Ordinal) ||
                                                             k.StartsWith("INPUT_", StringComparison.Ordinal)).ToList())
            info.Environment.Remove(key);
        foreach (var (key, value) in environment) info.Environment[key] = value;

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(20)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{scriptFile} did not finish in 20 minutes.");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
