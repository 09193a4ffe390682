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

    /// <summary>
    /// Whether a client presents its certificate to a server that requires client certificates: every client does when
    /// the repository has one such server, else the clients configured in the server's folder.
    /// </summary>
    public static bool PresentsTo(TlsUsage client, TlsUsage server, int mtlsServers) =>
        mtlsServers <= 1 || Path.GetDirectoryName(client.Location.File.FullPath) == Path.GetDirectoryName(server.Location.File.FullPath);

    /// <summary>Servers that require client certificates (nginx ssl_verify_client on, IRIS VerifyPeer...).</summary>
    public static List<TlsUsage> MtlsServers(CertificateInventory inventory) =>
        [.. inventory.Usages.Where(u => u is { Role: UsageRole.Server, VerifyPeer: true })];

    /// <summary>
    /// Where the configurations use a certificate in a role, and, for a client, the servers it is presented to: the
    /// places a finding about that certificate's fitness for the role also shows (eku-client-auth "at both places").
    /// </summary>
    public List<Findings.RelatedLocation> UsesOf(CertificateInfo cert, UsageRole role, CertificateInventory inventory)
    {
        var related = new List<Findings.RelatedLocation>();
        var users = inventory.Usages.Where(u => u.Role == role && u.Certificate is not null
                                                && ReferenceEquals(Leaf(u.Certificate), cert)).Take(Findings.Finding.MaxRelated).ToList();
        var servers = role == UsageRole.Client ? MtlsServers(inventory) : [];
        foreach (var user in users)
        {
            var reference = user.Certificate!;
            var to = servers.Where(s => PresentsTo(user, s, servers.Count)).ToList();
            var toText = to.Count == 0 ? "" : " to " + string.Join(", ", to.Select(s => $"{s.Service} at {Place(s.VerifyAt ?? s.Location)}"));
            related.Add(new(reference.At, role == UsageRole.Client
                ? $"presented as the client certificate of {user.Service} ({reference.Directive}){toText}"
                : $"served by {user.Service} ({reference.Directive})"));
            foreach (var server in to)
            {
                var at = server.VerifyAt ?? server.Location;
                if (related.Any(r => r.Location.File.FullPath == at.File.FullPath && r.Location.StartLine == at.StartLine)) continue;
                related.Add(new(at, $"{server.Service} requires client certificates, and {user.Service} presents this one"));
            }
        }
        return related;
    }

    private static string Place(SourceLocation at) => $"{at.File.RelativePath}:{at.StartLine}";

    /// <summary>Whether the file a reference names is there: embedded, scanned, or on disk.</summary>
    public bool Exists(FileReference reference) =>
        reference.Embedded is not null
        || (reference.ResolvedFullPath is { } path && (Linker.FilesOf(reference).Count > 0 || File.Exists(path) || Directory.Exists(path)));
}
