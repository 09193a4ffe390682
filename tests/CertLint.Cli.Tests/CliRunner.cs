using System.Diagnostics;
using System.Reflection;

namespace CertLint.Cli.Tests;

/// <summary>Runs the CLI in-process (fast, injectable clock and environment) or as the real built program.</summary>
internal static class CliRunner
{
    public sealed record Outcome(int ExitCode, string Out, string Error);

    public static string RepoRoot { get; } = typeof(CliRunner).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "CertLintRepoRoot").Value!;

    public static Outcome InProcess(string workingDirectory, IReadOnlyDictionary<string, string>? env = null, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, false, false,
            name => env is not null && env.TryGetValue(name, out var v) ? v : null,
            workingDirectory, TimeProvider.System);
        var code = CliApp.Run(args, context);
        return new Outcome(code, output.ToString(), error.ToString());
    }

    /// <summary>The built certlint.dll, run with `dotnet` as an installed tool would be.</summary>
    public static Outcome Process(string workingDirectory, IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "certlint.dll");
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        psi.Environment.Remove("CERTLINT_PASSWORD");
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = System.Diagnostics.Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"certlint {string.Join(' ', args)} did not finish in 120 s");
        }
        return new Outcome(p.ExitCode, stdout.Result, stderr.Result);
    }
}
