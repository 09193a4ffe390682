using System.Runtime.CompilerServices;
using CertLint.Configuration;
using CertLint.Inventory;
using CertLint.Model;

namespace CertLint.Rules.Fields;

/// <summary>Lookups over an inventory built once per inventory, so per-subject fields stay O(1).</summary>
internal sealed class InventoryIndex
{
    private static readonly ConditionalWeakTable<CertificateInventory, InventoryIndex> Cache = new();
    private readonly Dictionary<KeyInfo, CertificateInfo> _certByKey = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<CertificateInfo> _paired = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, BundleInfo> _bundleByPath = new(StringComparer.Ordinal);
    private readonly Dictionary<object, List<KeyMismatch>> _mismatchesOf = new(ReferenceEqualityComparer.Instance);

    private InventoryIndex(CertificateInventory inventory)
    {
        foreach (var p in inventory.Pairs)
        {
            _certByKey.TryAdd(p.Key, p.Certificate);
            _paired.Add(p.Certificate);
        }
        foreach (var b in inventory.Bundles) _bundleByPath.TryAdd(b.File.FullPath, b);
        foreach (var m in inventory.Mismatches)
        {
            foreach (var side in new object[] { m.Key, m.Certificate })
            {
                if (!_mismatchesOf.TryGetValue(side, out var list)) _mismatchesOf[side] = list = [];
                list.Add(m);
            }
        }
    }

    public static InventoryIndex Of(CertificateInventory inventory) => Cache.GetValue(inventory, i => new InventoryIndex(i));

    public CertificateInfo? CertificateFor(KeyInfo key) => _certByKey.GetValueOrDefault(key);

    public bool HasKey(CertificateInfo cert) => _paired.Contains(cert);

    /// <summary>The bundle (multi-certificate file) a file is, or null.</summary>
    public BundleInfo? BundleOf(SourceFile file) => _bundleByPath.GetValueOrDefault(file.FullPath);

    /// <summary>Key–certificate mismatches a key or a certificate takes part in.</summary>
    public IReadOnlyList<KeyMismatch> MismatchesOf(object keyOrCertificate) =>
        _mismatchesOf.TryGetValue(keyOrCertificate, out var list) ? list : [];
}
