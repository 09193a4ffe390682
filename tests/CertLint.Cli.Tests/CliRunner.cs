using System.Diagnostics;
using System.Reflection;

namespace CertLint.Cli.Tests;

/// <summary>
/// Runs the CLI in-process (fast, injectable clock and environment) or as the real built program. With
/// CERTLINT_TOOL set to an executable (.ci/run sets it to the installed Native AOT tool), every run, in-process ones
/// included, starts that program instead, so the same tests prove the installed binary.
/// </summary>
internal static class CliRunner
{
    /// <summary>The installed tool under test, or null for the build next to the tests.</summary>
    public static string? Tool { get; } = System.Environment.GetEnvironmentVariable("CERTLINT_TOOL") is { Length: > 0 } t ? t : null;

    public sealed record Outcome(int ExitCode, string Out, string Error);

    public static string RepoRoot { get; } = typeof(CliRunner).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "CertLintRepoRoot").Value!;

    public static Outcome InProcess(string workingDirectory, IReadOnlyDictionary<string, string>? env = null, params string[] args)
    {
        if (Tool is not null) return Process(workingDirectory, env, args);
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
        var psi = new ProcessStartInfo(Tool ?? "dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        if (Tool is null) psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "certlint.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        // Only what the test gives: an in-process run sees no other variable, and CI's own must not leak in.
        foreach (var name in psi.Environment.Keys.Where(k => k.StartsWith("CERTLINT_", StringComparison.Ordinal) || k.StartsWith("GITHUB_", StringComparison.Ordinal)).ToList())
            psi.Environment.Remove(name);
        psi.Environment["NO_COLOR"] = "1";
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
