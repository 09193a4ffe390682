namespace CertLint.Model;

/// <summary>How a key was encoded.</summary>
public enum KeyEncoding
{
    Pkcs8,
    EncryptedPkcs8,
    Pkcs1Rsa,
    Sec1Ec,
    SubjectPublicKeyInfo,
    Pkcs12Entry,
    /// <summary>OpenSSH's own private key format ("OPENSSH PRIVATE KEY", openssh-key-v1).</summary>
    OpenSsh,
    /// <summary>A DER RSAPublicKey (n, e) as the sniffer tells it from a private key; stored as <see cref="SubjectPublicKeyInfo"/>.</summary>
    Pkcs1RsaPublic,
    /// <summary>OpenSSL's traditional DSA private key ("DSA PRIVATE KEY": version, p, q, g, y, x).</summary>
    OpenSslDsa,
    /// <summary>A key of an armored OpenPGP key block ("PGP PRIVATE KEY BLOCK", "PGP PUBLIC KEY BLOCK"): primary key or subkey.</summary>
    OpenPgp,
    /// <summary>A JSON Web Key (RFC 7517), alone or in a JWK Set.</summary>
    Jwk,
    /// <summary>A PuTTY private key file (.ppk, versions 2 and 3).</summary>
    Ppk,
    /// <summary>
    /// The subjectPKInfo of a PKCS#10 certificate request (RFC 2986, PEM "CERTIFICATE REQUEST"): the public key a CA is
    /// asked to certify, judged by the key rules before a certificate exists.
    /// </summary>
    CertificationRequest,
    /// <summary>A one-line OpenSSH public key (.pub, authorized_keys, known_hosts).</summary>
    OpenSshPublic,
}

/// <summary>
/// A private (or public) key. Only public facts are kept: the key's public half, never the private bytes,
/// so nothing in the model can leak into a report.
/// </summary>
public sealed class KeyInfo
{
    public required SourceLocation Location { get; init; }
    public required ObjectFormat Format { get; init; }
    public required KeyEncoding Encoding { get; init; }
    public required bool IsPrivate { get; init; }
    /// <summary>The file was encrypted (opened with a password).</summary>
    public bool Encrypted { get; init; }
    /// <summary>How the password protects it (encrypted keys only): scheme, iterations and any weakness.</summary>
    public Parsing.PbeInfo? Protection { get; init; }
    /// <summary>Encrypted, but the empty password opened it: as good as unencrypted.</summary>
    public bool OpenedWithEmptyPassword { get; init; }
    /// <summary>The public half, derived from the private key. Null only when it could not be derived.</summary>
    public PublicKeyInfo? PublicKey { get; init; }
    /// <summary>
    /// Whether the private key's numbers agree with each other and its secret is not too small, judged at parse time
    /// (<see cref="PrivateKeyVerdict"/>: verdicts, no numbers). Null for public keys and keys that were not checked.
    /// </summary>
    public PrivateKeyVerdict? Verdict { get; init; }

    /// <summary>Identity of a key in reports: SHA-256 of its SubjectPublicKeyInfo.</summary>
    public string Fingerprint => PublicKey?.Sha256 ?? $"unknown:{Location}";

    public string Label => PublicKey is null ? "private key"
        : Encoding == KeyEncoding.CertificationRequest ? $"{PublicKey.Label} key of a certificate request"
        : Encoding == KeyEncoding.OpenSshPublic ? $"{PublicKey.Label} SSH public key"
        : $"{PublicKey.Label} {(IsPrivate ? "private" : "public")} key";
}
