namespace CertLint.Model;

/// <summary>How an object was encoded in its file.</summary>
public enum ObjectFormat
{
    Pem,
    Der,
    Pkcs7,
    Pkcs12,
    /// <summary>A Java keystore (JKS).</summary>
    Jks,
    /// <summary>A JSON Web Key (RFC 7517) or one of its "x5c" certificates.</summary>
    Jwk,
    /// <summary>A PuTTY private key file (.ppk).</summary>
    Ppk,
    /// <summary>A BouncyCastle keystore (BKS).</summary>
    Bks,
    /// <summary>OpenSSH's one-line public key text (.pub, authorized_keys, known_hosts).</summary>
    OpenSsh,
}

/// <summary>What kind of file the sniffer decided a candidate is.</summary>
public enum FileKind
{
    Unknown,
    Pem,
    DerCertificate,
    /// <summary>A DER-encoded CRL.</summary>
    DerCrl,
    Pkcs7,
    Pkcs12,
    DerKey,
    Jks,
    /// <summary>A JSON Web Key or JWK Set (RFC 7517).</summary>
    Jwk,
    /// <summary>A PuTTY private key file (.ppk).</summary>
    Ppk,
    /// <summary>A BouncyCastle keystore (BKS, BKS-V1).</summary>
    Bks,
    /// <summary>OpenSSH public keys, one a line (.pub, authorized_keys, known_hosts).</summary>
    OpenSsh,
}
