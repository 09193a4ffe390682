using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>
/// OpenVPN's shared secrets (openvpn --genkey): the static key of tls-auth, tls-crypt and static-key mode, a hex block
/// of 256 bytes (two 1024-bit halves, one per direction), and tls-crypt-v2's server and client keys (base64). Whoever
/// holds a tls-crypt key can open the control channel to the server, read the certificates exchanged in it and, with
/// static-key mode's secret, the tunnel itself. Kept as secret keys of the file: where, how long, never the bytes.
/// </summary>
internal static class OpenVpnKeys
{
    public const string StaticKeyLabel = "OpenVPN Static key V1";
    public const string TlsCryptV2ServerLabel = "OpenVPN tls-crypt-v2 server key";
    public const string TlsCryptV2ClientLabel = "OpenVPN tls-crypt-v2 client key";

    /// <summary>The key material OpenVPN reads from a static key file (read_key_file: 2 keys of 64 cipher and 64 HMAC bytes).</summary>
    public const int StaticKeyBytes = 256;

    /// <summary>A tls-crypt-v2 server key: a cipher and an HMAC key of 64 bytes each (tls_crypt_v2_write_server_key_file).</summary>
    public const int ServerKeyBytes = 128;

    public static bool IsSecretLabel(string label) =>
        label is StaticKeyLabel or TlsCryptV2ServerLabel or TlsCryptV2ClientLabel;

    /// <summary>The block as a secret key; a key of the wrong length is a format error OpenVPN refuses to start with.</summary>
    public static SecretKeyInfo Parse(PemBlock block, SourceLocation location)
    {
        var length = block.Data.Length;
        var (container, keyBytes, wanted) = block.Label switch
        {
            StaticKeyLabel => (SecretKeyContainer.OpenVpnStaticKey, StaticKeyBytes, length == StaticKeyBytes ? null : $"{StaticKeyBytes}"),
            TlsCryptV2ServerLabel => (SecretKeyContainer.OpenVpnTlsCryptV2ServerKey, ServerKeyBytes, length == ServerKeyBytes ? null : $"{ServerKeyBytes}"),
            // A client key is the client's 256-byte key followed by the server-wrapped copy and its metadata (WKc).
            _ => (SecretKeyContainer.OpenVpnTlsCryptV2ClientKey, StaticKeyBytes, length > StaticKeyBytes ? null : $"more than {StaticKeyBytes}"),
        };
        if (wanted is not null) throw new FormatException($"{length} bytes of key material, OpenVPN reads {wanted}");
        return new SecretKeyInfo(location, container) { SizeBits = keyBytes * 8 };
    }
}
