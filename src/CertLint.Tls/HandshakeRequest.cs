using CertLint.Findings;

namespace CertLint.Tls;

/// <summary>A certificate with its key: PEM files (certificate first, then intermediates) or one PKCS#12.</summary>
public sealed record CredentialFiles(string? Certificate = null, string? Key = null, string? Pkcs12 = null)
{
    public bool IsEmpty => Certificate is null && Key is null && Pkcs12 is null;
}

/// <summary>What every handshake run shares: time-outs, version, where relative paths start, how to fail, passwords.</summary>
public sealed record HandshakeSettings
{
    public string? ServerName { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan VerdictWait { get; init; } = TimeSpan.FromMilliseconds(1500);
    public TlsVersionChoice Version { get; init; }
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();
    /// <summary>--fail-on; null: .certlint.yml's, else error.</summary>
    public Severity? FailOn { get; init; }
    /// <summary>--config; null: .certlint.yml in the working directory, if any (rule severities, suppressions, fail-on).</summary>
    public string? ConfigPath { get; init; }
    /// <summary>The instant certificates are judged at; null: the TimeProvider's now (TLS peers use the real clock anyway).</summary>
    public DateTimeOffset? Now { get; init; }
    /// <summary>Name of the environment variable holding key/PKCS#12 passwords.</summary>
    public string PasswordEnv { get; init; } = "CERTLINT_PASSWORD";
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>The lint options these settings carry, for Core's judgement of what the handshake showed.</summary>
    public Engine.LintRequest ToLintRequest() => new()
    {
        WorkingDirectory = WorkingDirectory, ConfigPath = ConfigPath, FailOn = FailOn, Now = Now, PasswordEnv = PasswordEnv, Environment = Environment,
    };
}

/// <summary>`certlint handshake HOST:PORT`: probe a live endpoint.</summary>
public sealed class HandshakeRequest
{
    public HandshakeSettings Settings { get; init; } = new();
    /// <summary>HOST:PORT, [IPv6]:PORT, or HOST (port 443).</summary>
    public required string Target { get; init; }
    public CredentialFiles Client { get; init; } = new();
    /// <summary>CA files to validate the server with; empty: the system trust store.</summary>
    public IReadOnlyList<string> CaFiles { get; init; } = [];
    /// <summary>CA files of the client certificate, so the lint can judge its chain; optional.</summary>
    public IReadOnlyList<string> ClientCaFiles { get; init; } = [];
}

/// <summary>`certlint handshake --self-test`: a client/server pair checked against each other on loopback.</summary>
public sealed class SelfTestRequest
{
    public HandshakeSettings Settings { get; init; } = new();
    public required CredentialFiles Server { get; init; }
    public required CredentialFiles Client { get; init; }
    /// <summary>CA files the client trusts to validate the server.</summary>
    public IReadOnlyList<string> ServerCaFiles { get; init; } = [];
    /// <summary>CA files the server trusts to validate clients.</summary>
    public IReadOnlyList<string> ClientCaFiles { get; init; } = [];
}
