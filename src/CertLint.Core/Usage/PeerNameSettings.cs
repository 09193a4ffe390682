namespace CertLint.Usage;

/// <summary>
/// A name a client requires of its server's certificate other than the host it dials (OpenVPN's verify-x509-name), as
/// readers record it in <see cref="TlsUsage.Settings"/>; peer-name-mismatch compares it with the server's certificate.
/// </summary>
public static class PeerNameSettings
{
    /// <summary>The setting holding the required name, as written.</summary>
    public const string Name = "peerName";

    /// <summary>What the name is compared with: subject (the whole DN), name (the common name), name-prefix.</summary>
    public const string Type = "peerNameType";
}
