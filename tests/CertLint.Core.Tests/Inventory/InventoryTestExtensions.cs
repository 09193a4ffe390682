using CertLint.Inventory;
using CertLint.Model;
using CertLint.Tests.Pki;

namespace CertLint.Tests.Inventory;

internal static class InventoryTestExtensions
{
    /// <summary>The scanned copy of <paramref name="cert"/> (in <paramref name="path"/> when it appears in several files).</summary>
    public static CertificateInfo Cert(this CertificateInventory inventory, TestCertificate cert, string? path = null) =>
        inventory.Certificates.Single(c => c.Sha256 == cert.Sha256 && (path is null || c.Location.File.RelativePath == path));

    public static ChainResult Chain(this CertificateInventory inventory, TestCertificate cert, string? path = null) =>
        inventory.Chains[inventory.Cert(cert, path)];

    /// <summary>The subjects along a chain, e.g. ["CN=leaf", "CN=Acme Root"].</summary>
    public static string[] Subjects(this ChainResult chain) => [.. chain.Path.Select(c => c.Subject.Text)];

    public static string[] Shas(this ChainResult chain) => [.. chain.Path.Select(c => c.Sha256)];
}
