using CertLint.Tls;

namespace CertLint.Handshake.Tests;

/// <summary>Runs `certlint handshake` (through Core) against a loopback port with short, bounded waits.</summary>
internal static class Probe
{
    public static async Task<HandshakeReport> RunAsync(int port, CredentialFiles? client = null, string? ca = null, string? serverName = "localhost",
        TlsVersionChoice version = TlsVersionChoice.Any, double timeoutSeconds = 10)
    {
        var request = new HandshakeRequest
        {
            Target = $"127.0.0.1:{port}",
            Client = client ?? new CredentialFiles(),
            CaFiles = ca is null ? [] : [ca],
            Settings = Settings(serverName, version, timeoutSeconds),
        };
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds + 10));
        return await new HandshakeChecker().CheckAsync(request, guard.Token).WaitAsync(guard.Token);
    }

    public static HandshakeSettings Settings(string? serverName = "localhost", TlsVersionChoice version = TlsVersionChoice.Any, double timeoutSeconds = 10,
        string? workingDirectory = null) => new()
    {
        WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory(),
        ServerName = serverName,
        Version = version,
        Timeout = TimeSpan.FromSeconds(timeoutSeconds),
        VerdictWait = TimeSpan.FromSeconds(2),
        Environment = _ => null,
    };

    public static IReadOnlyList<string> RuleIds(this HandshakeReport report) => report.Result.Findings.Select(f => f.Rule.Id).ToList();

    public static string Message(this HandshakeReport report, string ruleId) =>
        report.Result.Findings.FirstOrDefault(f => f.Rule.Id == ruleId)?.Message
        ?? throw new AssertionException($"no {ruleId} finding; got: {string.Join(" | ", report.Result.Findings.Select(f => $"{f.Rule.Id} {f.Message}"))}");
}
