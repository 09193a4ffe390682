using CertLint.Endpoints;
using CertLint.Engine;

namespace CertLint.Tls;

/// <summary>
/// What every handshake run shares: the lint's own request (config file, --ca, --now, passwords, --fail-on, reports,
/// baseline), resolved by the same settings resolver as `certlint lint`, plus the wire options.
/// </summary>
public sealed record HandshakeSettings
{
    /// <summary>The lint options: certificates seen in a handshake are judged with them.</summary>
    public LintRequest Lint { get; init; } = new();
    /// <summary>SNI and the name the server certificate must cover; null: the host (none for an IP address).</summary>
    public string? ServerName { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan VerdictWait { get; init; } = TimeSpan.FromMilliseconds(1500);
    public TlsVersionChoice Version { get; init; }
    /// <summary>--probe-versions: also ask for TLS 1.0 and 1.1 alone, and report a server that accepts them.</summary>
    public bool ProbeVersions { get; init; }

    public string WorkingDirectory => Lint.WorkingDirectory;
}

/// <summary>One endpoint to probe: HOST:PORT, the SNI name and the client pair to present.</summary>
public sealed record EndpointTarget(string Target, string? ServerName = null, CredentialFiles? Client = null);

/// <summary>`certlint handshake [HOST:PORT]`: probe a live endpoint, or every `endpoints:` entry of .certlint.yml.</summary>
public sealed class HandshakeRequest
{
    public HandshakeSettings Settings { get; init; } = new();
    /// <summary>HOST:PORT, [IPv6]:PORT, or HOST (port 443); null: the configuration's endpoints.</summary>
    public string? Target { get; init; }
    public CredentialFiles Client { get; init; } = new();
    /// <summary>CA files of the client certificate, so the lint can judge its chain; optional.</summary>
    public IReadOnlyList<string> ClientCaFiles { get; init; } = [];
}

/// <summary>`certlint handshake --self-test`: a client/server pair checked against each other on loopback.</summary>
public sealed class SelfTestRequest
{
    /// <summary>Settings.Lint.CaFiles: what the client trusts to validate the server.</summary>
    public HandshakeSettings Settings { get; init; } = new();
    public required CredentialFiles Server { get; init; }
    public required CredentialFiles Client { get; init; }
    /// <summary>CA files the server trusts to validate clients (intermediates included, as a server's CA file may).</summary>
    public IReadOnlyList<string> ClientCaFiles { get; init; } = [];
}
