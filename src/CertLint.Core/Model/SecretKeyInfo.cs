namespace CertLint.Model;

/// <summary>What holds a symmetric secret key.</summary>
public enum SecretKeyContainer
{
    /// <summary>A JSON Web Key of type "oct" (RFC 7518 §6.4).</summary>
    Jwk,
    /// <summary>A JCEKS SecretKeyEntry (a Java-serialised javax.crypto.SealedObject).</summary>
    JceksEntry,
    /// <summary>A PKCS#12 secretBag (RFC 7292 §4.2.5).</summary>
    Pkcs12SecretBag,
    /// <summary>A BKS key entry holding a secret key: sealed under a password (keytool -genseckey), or in clear.</summary>
    BksKeyEntry,
    /// <summary>A BKS SECRET entry: bytes its application protected itself (KeyStore.setKeyEntry(alias, byte[], chain)).</summary>
    BksSecretEntry,
    /// <summary>OpenVPN's static key (tls-auth, tls-crypt, static-key mode's secret): "OpenVPN Static key V1", hex.</summary>
    OpenVpnStaticKey,
    /// <summary>OpenVPN's tls-crypt-v2 server key: it unwraps every client's key.</summary>
    OpenVpnTlsCryptV2ServerKey,
    /// <summary>OpenVPN's tls-crypt-v2 client key, one client's own.</summary>
    OpenVpnTlsCryptV2ClientKey,
}

/// <summary>
/// A symmetric secret key found in a file: a shared secret has no public half, so it is no <see cref="KeyInfo"/> (no
/// fingerprint, no pairing, no key rule applies) but a fact of its file, like a CRL. Only what can be said without the
/// secret is kept: where it is, its length and algorithm when the container says them in clear. Never its value.
/// </summary>
public sealed record SecretKeyInfo(SourceLocation Location, SecretKeyContainer Container)
{
    /// <summary>Length of the secret in bits, when the container shows it without a password.</summary>
    public int? SizeBits { get; init; }
    /// <summary>The algorithm the key is for as the container names it (a JWK's "alg"), when it names one.</summary>
    public string? Algorithm { get; init; }
    /// <summary>Bits the algorithm needs (RFC 7518 §3.2 HMAC, §4.4 and §5 AES) when the key is shorter: a weak key.</summary>
    public int? RequiredBits { get; init; }
    /// <summary>The entry's alias in its keystore, when it is short printable text.</summary>
    public string? Name { get; init; }
    /// <summary>Sealed under the keystore's password (not readable without it).</summary>
    public bool Sealed { get; init; }

    /// <summary>What the secret is, for messages: "JWK \"oct\" secret key (256 bits, HS256)".</summary>
    public string Label
    {
        get
        {
            var what = Container switch
            {
                SecretKeyContainer.Jwk => "JWK \"oct\" secret key",
                SecretKeyContainer.JceksEntry => Named("JCEKS secret-key entry"),
                SecretKeyContainer.BksKeyEntry => Named("BKS secret-key entry"),
                SecretKeyContainer.BksSecretEntry => Named("BKS secret entry"),
                SecretKeyContainer.OpenVpnStaticKey => "shared OpenVPN static key",
                SecretKeyContainer.OpenVpnTlsCryptV2ServerKey => "server key for OpenVPN tls-crypt-v2",
                SecretKeyContainer.OpenVpnTlsCryptV2ClientKey => "client key for OpenVPN tls-crypt-v2",
                _ => Named("PKCS#12 secret bag"),
            };
            var details = string.Join(", ", new[] { SizeBits is { } b ? $"{b} bits" : null, Algorithm }.OfType<string>());
            return details.Length == 0 ? what : $"{what} ({details})";
        }
    }

    /// <summary>Who else must be known to read a sealed secret, for messages: the keystore's password, or the key its application sealed it with.</summary>
    public string? SealedBy => !Sealed ? null : Container == SecretKeyContainer.BksSecretEntry ? "the key its application sealed it with" : "the keystore's password";

    private string Named(string what) => Name is null ? what : $"{what} \"{Name}\"";
}
