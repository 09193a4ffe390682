using System.Collections.Concurrent;
using CertLint.Model;

namespace CertLint.Usage.Checks;

/// <summary>
/// Which servers a client connects to, as far as the repository shows: by the host it names, by format for OpenVPN,
/// by count and folder for mTLS clients that name none; built once per run (<see cref="PeerIndex"/>).
/// </summary>
internal sealed partial class UsageIndex
{
    /// <summary>
    /// The mTLS servers a client presents its certificate to. A client whose configuration names its peer
    /// (<see cref="TlsUsage.PeerHost"/>) presents it to the mTLS servers answering that name, and to none of the
    /// repository's when the name is a domain name none of them answers (a partner's API behind a reverse proxy); a
    /// client that names no peer, or an address or a single-label name (an upstream block, a container) that may be
    /// any of them, presents it to every mTLS server when the repository has one, else to those in its folder.
    /// </summary>
    public List<TlsUsage> ServersOf(TlsUsage client) => Peers.Named(client) ?? Unnamed(client);

    /// <summary>
    /// The servers, mTLS or not, a client connects to as far as the repository shows: those answering the peer it
    /// names, or for a format whose servers name no host, the repository's server of that format (<see
    /// cref="PeerIndex"/>). Unlike <see cref="ServersOf"/>, a client that names no peer is tied to none: what its CA
    /// must trust is then not known.
    /// </summary>
    public List<TlsUsage> TargetsOf(TlsUsage client) => Targets.Named(client) ?? [];

    /// <summary>
    /// The distinct certificates a list of servers (<see cref="TargetsOf"/>) serves, each with the first server serving
    /// it, cached by list: clients naming one host share that host's list, so thousands of them cost one pass.
    /// </summary>
    public List<(CertificateInfo Leaf, TlsUsage Server)> ServerLeavesOf(List<TlsUsage> servers) =>
        _serverLeaves.GetOrAdd(servers, list =>
        {
            var seen = new HashSet<CertificateInfo>(ReferenceEqualityComparer.Instance);
            var leaves = new List<(CertificateInfo, TlsUsage)>();
            foreach (var server in list)
            {
                if (Leaf(server.Certificate) is { } leaf && seen.Add(leaf)) leaves.Add((leaf, server));
            }
            return leaves;
        });

    private readonly ConcurrentDictionary<List<TlsUsage>, List<(CertificateInfo, TlsUsage)>> _serverLeaves = new(ReferenceEqualityComparer.Instance);

    private PeerIndex Targets => _targets ??= new PeerIndex(Clients, [.. _inventory.Usages.Where(u => u.Role == UsageRole.Server)]);

    private PeerIndex? _targets;

    private List<TlsUsage> Unnamed(TlsUsage client) =>
        MtlsServers.Count <= 1 ? MtlsServers : InFolder(_mtlsServersByFolder ??= ByFolder(MtlsServers), client);

    /// <summary>The clients that present their certificates to an mTLS server (the converse of <see cref="ServersOf"/>).</summary>
    public List<TlsUsage> ClientsOf(TlsUsage server)
    {
        var unnamed = MtlsServers.Count <= 1 ? Peers.Unnamed : InFolder(_clientsByFolder ??= ByFolder(Peers.Unnamed), server);
        if (!Peers.ByServer.TryGetValue(server, out var named)) return unnamed;
        // Cached per server, so that the list is the same object on every call (ClientLeavesOf caches by reference).
        return _namedClientsOf.GetOrAdd(server, _ => [.. unnamed, .. named]);
    }

    private readonly ConcurrentDictionary<TlsUsage, List<TlsUsage>> _namedClientsOf = new(ReferenceEqualityComparer.Instance);

    private PeerIndex Peers => _peers ??= new PeerIndex(Clients, MtlsServers);

    private PeerIndex? _peers;

    /// <summary>
    /// Formats whose servers say nothing of the name clients dial (an OpenVPN server answers on whatever address its
    /// clients' remote lines name): a client of such a format connects to a server of the same format, whatever host it
    /// names, never to another format's (an OpenVPN client speaks to no web server).
    /// </summary>
    private static readonly HashSet<string> HostlessFormats = new(StringComparer.Ordinal) { "openvpn" };

    /// <summary>Clients by the servers their named peer is, built once.</summary>
    private sealed class PeerIndex
    {
        /// <summary>Clients whose peer is not known: tied to servers by count and folder.</summary>
        public List<TlsUsage> Unnamed { get; } = [];

        /// <summary>For each mTLS server, the clients naming one of its hosts as their peer.</summary>
        public Dictionary<TlsUsage, List<TlsUsage>> ByServer { get; } = new(ReferenceEqualityComparer.Instance);

        private readonly Dictionary<TlsUsage, List<TlsUsage>> _serversOf = new(ReferenceEqualityComparer.Instance);

        public PeerIndex(List<TlsUsage> clients, List<TlsUsage> servers)
        {
            var byHost = new Dictionary<string, List<TlsUsage>>(StringComparer.OrdinalIgnoreCase);
            foreach (var server in servers)
                foreach (var host in server.Hosts.Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    if (!byHost.TryGetValue(host, out var list)) byHost[host] = list = [];
                    list.Add(server);
                }
            Dictionary<string, List<TlsUsage>>? byFormat = null;
            Dictionary<(string Format, string Folder), List<TlsUsage>>? byFormatFolder = null;
            foreach (var client in clients)
            {
                if (HostlessFormats.Contains(client.Format))
                {
                    // The repository's one server of the client's format, else those in the client's folder; both
                    // grouped once, so that many clients and many servers cost one pass each.
                    byFormat ??= servers.Where(s => HostlessFormats.Contains(s.Format)).GroupBy(s => s.Format)
                        .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
                    var same = byFormat.GetValueOrDefault(client.Format) ?? [];
                    if (same.Count > 1)
                    {
                        byFormatFolder ??= servers.Where(s => HostlessFormats.Contains(s.Format)).GroupBy(s => (s.Format, Folder(s)))
                            .ToDictionary(g => g.Key, g => g.ToList());
                        same = byFormatFolder.GetValueOrDefault((client.Format, Folder(client))) ?? [];
                    }
                    Tie(client, same);
                }
                else if (client.PeerHost is { } peer && byHost.TryGetValue(peer, out var answering)) Tie(client, answering);
                else if (client.PeerHost is { } other && PeerHosts.IsDomainName(other)) _serversOf[client] = [];
                else Unnamed.Add(client);
            }
        }

        private void Tie(TlsUsage client, List<TlsUsage> servers)
        {
            _serversOf[client] = servers;
            foreach (var server in servers)
            {
                if (!ByServer.TryGetValue(server, out var list)) ByServer[server] = list = [];
                list.Add(client);
            }
        }

        /// <summary>The servers a client names, an empty list for a peer outside the repository, null when it names none.</summary>
        public List<TlsUsage>? Named(TlsUsage client) => _serversOf.TryGetValue(client, out var servers) ? servers : null;
    }

    private static List<TlsUsage> InFolder(Dictionary<string, List<TlsUsage>> byFolder, TlsUsage usage) =>
        byFolder.TryGetValue(Folder(usage), out var list) ? list : [];

    private static Dictionary<string, List<TlsUsage>> ByFolder(List<TlsUsage> usages)
    {
        var byFolder = new Dictionary<string, List<TlsUsage>>(StringComparer.Ordinal);
        foreach (var usage in usages)
        {
            if (!byFolder.TryGetValue(Folder(usage), out var list)) byFolder[Folder(usage)] = list = [];
            list.Add(usage);
        }
        return byFolder;
    }

    private static string Folder(TlsUsage usage) => Path.GetDirectoryName(usage.Location.File.FullPath) ?? "";
}
