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

    private InventoryIndex(CertificateInventory inventory)
    {
        foreach (var p in inventory.Pairs)
        {
            _certByKey.TryAdd(p.Key, p.Certificate);
            _paired.Add(p.Certificate);
        }
    }

    public static InventoryIndex Of(CertificateInventory inventory) => Cache.GetValue(inventory, i => new InventoryIndex(i));

    public CertificateInfo? CertificateFor(KeyInfo key) => _certByKey.GetValueOrDefault(key);

    public bool HasKey(CertificateInfo cert) => _paired.Contains(cert);
}

/// <summary>Expected host names for a certificate file: --host plus config hosts whose glob matches its path.</summary>
public static class ExpectedHosts
{
    public static IReadOnlyList<string> For(SourceFile file, LintSettings settings)
    {
        if (settings.HostsByPath.Count == 0) return settings.Hosts;
        var hosts = new List<string>(settings.Hosts);
        foreach (var ph in settings.HostsByPath)
        {
            if (GlobCache.Get(ph.Glob).IsMatch(file.RelativePath)) hosts.AddRange(ph.Hosts);
        }
        return hosts.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
    }
}
