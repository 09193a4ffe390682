using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CertLint.Inventory;
using CertLint.Model;

namespace CertLint.Usage.Checks;

/// <summary>
/// Per-inventory lookups the usage checks share, built once: the linker over the scanned files, the mTLS servers and
/// clients by folder, the usages of each certificate. Rules run per usage and per certificate, so anything computed
/// per call over all usages is quadratic (19,200 usages took 140 s before these lookups): compute it here once.
/// Evaluation is parallel: each lookup is built into a local and published whole (a race builds it twice, equal).
/// </summary>
internal sealed partial class UsageIndex
{
    private static readonly ConditionalWeakTable<CertificateInventory, UsageIndex> Cache = new();

    private readonly CertificateInventory _inventory;
    private List<TlsUsage>? _mtlsServers;
    private List<TlsUsage>? _clients;
    private Dictionary<string, List<TlsUsage>>? _mtlsServersByFolder;
    private Dictionary<string, List<TlsUsage>>? _clientsByFolder;
    private Dictionary<UsageRole, Dictionary<CertificateInfo, List<TlsUsage>>>? _users;
    private Dictionary<(SourceLocation At, string Path), TlsUsage>? _firstNaming;
    private (HashSet<string> Paths, HashSet<KeyInfo> Embedded)? _configuredKeys;
    private readonly ConcurrentDictionary<FileReference, CertificateInfo?> _leaves = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<List<TlsUsage>, List<(CertificateInfo, TlsUsage)>> _clientLeaves = new(ReferenceEqualityComparer.Instance);

    private UsageIndex(CertificateInventory inventory)
    {
        _inventory = inventory;
        Linker = new UsageLinker(inventory.Files);
    }

    public UsageLinker Linker { get; }

    public static UsageIndex Of(CertificateInventory inventory) => Cache.GetValue(inventory, i => new UsageIndex(i));

    /// <summary>The certificate a reference serves or presents: the first leaf in the file, else its first certificate.</summary>
    public CertificateInfo? Leaf(FileReference? reference)
    {
        if (reference is null) return null;
        if (_leaves.TryGetValue(reference, out var known)) return known;
        var certs = Linker.CertificatesOf(reference).ToList();
        var leaf = certs.FirstOrDefault(c => !c.IsCa) ?? certs.FirstOrDefault();
        _leaves.TryAdd(reference, leaf);
        return leaf;
    }

    /// <summary>
    /// The distinct certificates the clients of an mTLS server (<see cref="ClientsOf"/>) present, each with the first
    /// client presenting it: what the server's CA must have issued, judged once per certificate, not once per client.
    /// </summary>
    public List<(CertificateInfo Leaf, TlsUsage Client)> ClientLeavesOf(TlsUsage server)
    {
        var clients = ClientsOf(server);
        if (_clientLeaves.TryGetValue(clients, out var known)) return known;
        var seen = new HashSet<CertificateInfo>(ReferenceEqualityComparer.Instance);
        var leaves = new List<(CertificateInfo, TlsUsage)>();
        foreach (var client in clients)
        {
            if (Leaf(client.Certificate) is { } leaf && seen.Add(leaf)) leaves.Add((leaf, client));
        }
        _clientLeaves.TryAdd(clients, leaves);
        return leaves;
    }

    /// <summary>Servers that require client certificates (nginx ssl_verify_client on, IRIS VerifyPeer...).</summary>
    public List<TlsUsage> MtlsServers => _mtlsServers ??= [.. _inventory.Usages.Where(u => u is { Role: UsageRole.Server, VerifyPeer: true })];

    private List<TlsUsage> Clients => _clients ??= [.. _inventory.Usages.Where(u => u.Role == UsageRole.Client)];

    /// <summary>The usages in a role whose certificate (<see cref="Leaf"/>) is <paramref name="cert"/>, in inventory order.</summary>
    private List<TlsUsage> UsersOf(CertificateInfo cert, UsageRole role)
    {
        var users = _users ??= new[] { UsageRole.Client, UsageRole.Server }.ToDictionary(r => r, r =>
        {
            var byLeaf = new Dictionary<CertificateInfo, List<TlsUsage>>(ReferenceEqualityComparer.Instance);
            foreach (var usage in _inventory.Usages)
            {
                if (usage.Role != r || usage.Certificate is null || Leaf(usage.Certificate) is not { } leaf) continue;
                if (!byLeaf.TryGetValue(leaf, out var list)) byLeaf[leaf] = list = [];
                list.Add(usage);
            }
            return byLeaf;
        });
        return users.TryGetValue(role, out var byCert) && byCert.TryGetValue(cert, out var found) ? found : [];
    }

    /// <summary>
    /// Whether every configuration serving the certificate (at least one) is of a format whose clients match no host
    /// name against it (<see cref="HostlessFormats"/>: OpenVPN clients check verify-x509-name, the subject, if anything).
    /// </summary>
    public bool ServedWithoutHostNames(CertificateInfo cert) =>
        UsersOf(cert, UsageRole.Server) is { Count: > 0 } servers && servers.TrueForAll(s => HostlessFormats.Contains(s.Format));

    /// <summary>
    /// Where the configurations use a certificate in a role, and, for a client, the servers it is presented to: the
    /// places a finding about that certificate's fitness for the role also shows (eku-client-auth "at both places"),
    /// at most <see cref="Findings.Finding.MaxRelated"/> (a finding keeps no more).
    /// </summary>
    public List<Findings.RelatedLocation> UsesOf(CertificateInfo cert, UsageRole role)
    {
        const int max = Findings.Finding.MaxRelated;
        var related = new List<Findings.RelatedLocation>();
        foreach (var user in UsersOf(cert, role).Take(max))
        {
            var reference = user.Certificate!;
            var to = role == UsageRole.Client ? ServersOf(user) : [];
            var named = string.Join(", ", to.Take(max).Select(s => $"{s.Service} at {Place(s.VerifyAt ?? s.Location)}"));
            var toText = to.Count == 0 ? "" : " to " + named + (to.Count > max ? $" and {to.Count - max} more" : "");
            related.Add(new(reference.At, role == UsageRole.Client
                ? $"presented as the client certificate of {user.Service} ({reference.Directive}){toText}"
                : $"served by {user.Service} ({reference.Directive})"));
            foreach (var server in to)
            {
                if (related.Count >= max) return related;
                var at = server.VerifyAt ?? server.Location;
                if (related.Any(r => r.Location.File.FullPath == at.File.FullPath && r.Location.StartLine == at.StartLine)) continue;
                related.Add(new(at, $"{server.Service} requires client certificates, and {user.Service} presents this one"));
            }
        }
        return related;
    }

    private static string Place(SourceLocation at) => $"{at.File.RelativePath}:{at.StartLine}";

    /// <summary>
    /// The first usage, in inventory order, holding a reference written at this place to this path: a line several
    /// usages share (nginx's http-level ssl_certificate inherited by every server) is reported with that one.
    /// </summary>
    public TlsUsage? FirstNaming(FileReference reference)
    {
        var first = _firstNaming;
        if (first is null)
        {
            first = [];
            foreach (var usage in _inventory.Usages)
            {
                foreach (var r in usage.References) first.TryAdd((r.At, r.Path), usage);
            }
            _firstNaming = first;
        }
        return first.GetValueOrDefault((reference.At, reference.Path));
    }

    /// <summary>Whether a configuration names this key: by the file that holds it, or as a key embedded in it.</summary>
    public bool IsConfigured(KeyInfo key)
    {
        var configured = _configuredKeys;
        if (configured is null)
        {
            var paths = new HashSet<string>(StringComparer.Ordinal);
            var embedded = new HashSet<KeyInfo>();
            foreach (var usage in _inventory.Usages)
            {
                if (usage.Key is not { } r) continue;
                if (r.ResolvedFullPath is { } path) paths.Add(path);
                if (r.Embedded is { } e) embedded.UnionWith(e.Keys);
            }
            _configuredKeys = configured = (paths, embedded);
        }
        return configured.Value.Paths.Contains(key.Location.File.FullPath) || configured.Value.Embedded.Contains(key);
    }

    /// <summary>Whether the file a reference names is there: embedded, scanned, or on disk.</summary>
    public bool Exists(FileReference reference) =>
        reference.Embedded is not null
        || (reference.ResolvedFullPath is { } path && (Linker.FilesOf(reference).Count > 0 || File.Exists(path) || Directory.Exists(path)));
}
