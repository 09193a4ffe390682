namespace CertLint.Inventory;

/// <summary>What a leaf certificate is used for (TLS server, TLS client, S/MIME mail). From configuration, else from its path, else unknown.</summary>
[Flags]
public enum CertificateRole
{
    Unknown = 0,
    Client = 1,
    Server = 2,
    /// <summary>An S/MIME certificate: signs or encrypts mail (RFC 8550); chosen for emailProtection.</summary>
    Email = 4,
}
