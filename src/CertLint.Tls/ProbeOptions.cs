namespace CertLint.Tls;

/// <summary>Which TLS versions the probe offers (--tls).</summary>
public enum TlsVersionChoice
{
    /// <summary>TLS 1.3 and 1.2, the server picks.</summary>
    Any,
    Tls12,
    Tls13,
    /// <summary>Only for --probe-versions: does the server accept TLS 1.1 alone?</summary>
    Tls11,
    /// <summary>Only for --probe-versions: does the server accept TLS 1.0 alone?</summary>
    Tls10,
}

/// <summary>What one handshake probe needs: where to connect, what to present, how long to wait.</summary>
public sealed class ProbeOptions
{
    /// <summary>Host name or IP address to connect to.</summary>
    public required string Host { get; init; }
    public required int Port { get; init; }
    /// <summary>SNI value; null sends the host when it is a DNS name, and no SNI for an IP address.</summary>
    public string? ServerName { get; init; }
    /// <summary>The client certificate to present when the server asks; null presents none.</summary>
    public ClientCredential? Client { get; init; }
    /// <summary>Bound on connecting plus the whole handshake.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>
    /// How long to read after the handshake: in TLS 1.3 the server judges the client certificate after the client
    /// has finished, so its verdict (an alert) only shows up on the first read.
    /// </summary>
    public TimeSpan VerdictWait { get; init; } = TimeSpan.FromMilliseconds(1500);
    public TlsVersionChoice Version { get; init; }

    public string Endpoint => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    /// <summary>The SNI actually sent: explicit, else the host unless it is an IP literal.</summary>
    public string? EffectiveServerName =>
        ServerName ?? (System.Net.IPAddress.TryParse(Host, out _) ? null : Host);
}
