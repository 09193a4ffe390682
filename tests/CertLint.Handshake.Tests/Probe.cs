using CertLint.Engine;

namespace CertLint.Handshake.Tests;

/// <summary>Runs `certlint handshake` (through CertLint.Tls and Core) against a loopback port with short, bounded waits.</summary>
internal static class Probe
{
    public static async Task<HandshakeReport> RunAsync(int port, CredentialFiles? client = null, string? ca = null, string? serverName = "localhost",
        TlsVersionChoice version = TlsVersionChoice.Any, double timeoutSeconds = 10, bool probeVersions = false, string? host = "127.0.0.1")
    {
        var request = new HandshakeRequest
        {
            Target = $"{host}:{port}",
            Client = client ?? new CredentialFiles(),
            Settings = Settings(serverName, version, timeoutSeconds, Path.GetDirectoryName(client?.Certificate ?? ca), ca) with { ProbeVersions = probeVersions },
        };
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds * 3 + 10));
        return await new HandshakeChecker().CheckAsync(request, guard.Token).WaitAsync(guard.Token);
    }

    public static HandshakeSettings Settings(string? serverName = "localhost", TlsVersionChoice version = TlsVersionChoice.Any, double timeoutSeconds = 10,
        string? workingDirectory = null, string? ca = null) => new()
    {
        Lint = new LintRequest
        {
            WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory(),
            CaFiles = ca is null ? [] : [ca],
            Environment = _ => null,
        },
        ServerName = serverName,
        Version = version,
        Timeout = TimeSpan.FromSeconds(timeoutSeconds),
        VerdictWait = TimeSpan.FromSeconds(2),
    };

    /// <summary>The names of the rules that fired (ids live in the rules' YAML only).</summary>
    public static IReadOnlyList<string> Rules(this HandshakeReport report) => report.Result.Findings.Select(f => f.Rule.Name).ToList();

    public static string Message(this HandshakeReport report, string rule) =>
        report.Result.Findings.FirstOrDefault(f => f.Rule.Name == rule)?.Message
        ?? throw new AssertionException($"no {rule} finding; got: {Describe(report)}");

    public static string Describe(this HandshakeReport report) =>
        string.Join(" | ", report.Result.Findings.Select(f => $"{f.Rule.Id} {f.Rule.Name} {f.Location.File.RelativePath}: {f.Message}"));
}
