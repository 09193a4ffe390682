using CertLint.Model;

namespace CertLint.Endpoints;

/// <summary>A certificate with its key as files: PEM certificate (leaf first, then intermediates) and key, or one PKCS#12.</summary>
public sealed record CredentialFiles(string? Certificate = null, string? Key = null, string? Pkcs12 = null)
{
    public bool IsEmpty => Certificate is null && Key is null && Pkcs12 is null;

    /// <summary>The files to lint, relative to the working directory as given.</summary>
    public IEnumerable<string> Files => new[] { Certificate, Key, Pkcs12 }.OfType<string>();
}

/// <summary>
/// What a TLS host saw at one endpoint, as plain data: Core judges it with the lint's inventory, path validation and
/// rules (certificates) and the tls-* rules (protocol facts), without any networking.
/// </summary>
public sealed class ObservedEndpoint
{
    /// <summary>tls://host:port (or self-test://...): the report's location and the endpoint's identity across runs.</summary>
    public required string Location { get; init; }
    public required string Label { get; init; }
    /// <summary>The name the server's certificate must cover (SNI or the host); null: none checked.</summary>
    public string? HostName { get; init; }
    /// <summary>What the handshake showed; the tls-* rules judge it.</summary>
    public required HandshakeFacts Handshake { get; init; }
    /// <summary>The server's certificates as it sent them (DER, leaf first): role server, at <see cref="Location"/>.</summary>
    public IReadOnlyList<byte[]> ServerChain { get; init; } = [];
    /// <summary>The OCSPResponse (DER) the server stapled for its leaf, as received; Core reads it against the leaf's issuer.</summary>
    public byte[]? OcspStaple { get; init; }
    /// <summary>The server's own credential files (self-test): role server.</summary>
    public CredentialFiles Server { get; init; } = new();
    /// <summary>The client credential we presented: role client.</summary>
    public CredentialFiles Client { get; init; } = new();
    /// <summary>
    /// Whether the client's chain can be judged here (its CA was given). A live server judges our chain with its own
    /// trust, so without the client CA the lint's "no path to an anchor" on it would be noise.
    /// </summary>
    public bool JudgeClientChain { get; init; }
    /// <summary>The file a tls-* finding points at (self-test: the certificate it is about); null: <see cref="Location"/>.</summary>
    public Func<string, SourceFile?>? Locate { get; init; }
}
