namespace CertLint.Inventory;

/// <summary>What a leaf certificate is used for. From configuration, else from its path, else unknown.</summary>
[Flags]
public enum CertificateRole
{
    Unknown = 0,
    Client = 1,
    Server = 2,
}
