namespace CertLint.Tls;

/// <summary>TLS versions as their wire numbers (0x0301 = TLS 1.0 ... 0x0304 = TLS 1.3), for --probe-versions.</summary>
internal static class ProtocolVersions
{
    public const int Tls10 = 0x0301;
    public const int Tls11 = 0x0302;
    public const int Tls12 = 0x0303;
    public const int Tls13 = 0x0304;
}
