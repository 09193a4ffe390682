using System.Runtime.CompilerServices;
using CertLint.Inventory;
using CertLint.Model;

namespace CertLint.Usage.Checks;

/// <summary>Per-inventory lookups the usage checks share, built once: the linker over the scanned files.</summary>
internal sealed class UsageIndex
{
    private static readonly ConditionalWeakTable<CertificateInventory, UsageIndex> Cache = new();

    private UsageIndex(CertificateInventory inventory) => Linker = new UsageLinker(inventory.Files);

    public UsageLinker Linker { get; }

    public static UsageIndex Of(CertificateInventory inventory) => Cache.GetValue(inventory, i => new UsageIndex(i));

    /// <summary>The certificate a reference serves or presents: the first leaf in the file, else its first certificate.</summary>
    public CertificateInfo? Leaf(FileReference? reference)
    {
        var certs = Linker.CertificatesOf(reference).ToList();
        return certs.FirstOrDefault(c => !c.IsCa) ?? certs.FirstOrDefault();
    }

    /// <summary>Whether the file a reference names is there: embedded, scanned, or on disk.</summary>
    public bool Exists(FileReference reference) =>
        reference.Embedded is not null
        || (reference.ResolvedFullPath is { } path && (Linker.FilesOf(reference).Count > 0 || File.Exists(path) || Directory.Exists(path)));
}
