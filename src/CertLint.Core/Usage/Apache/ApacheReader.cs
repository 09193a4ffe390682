using System.Text.RegularExpressions;
using CertLint.Model;

namespace CertLint.Usage.Apache;

/// <summary>
/// Apache httpd with mod_ssl: every &lt;VirtualHost&gt; (and the main server) with SSLEngine on serves its
/// SSLCertificateFile(s) with SSLCertificateChainFile, verifies clients with SSLCACertificateFile when SSLVerifyClient
/// is require/optional, and answers for ServerName/ServerAlias. SSL* directives of the main server apply to every
/// virtual host that does not set them, as mod_ssl merges them. SSLProxyEngine with SSLProxyMachineCertificateFile
/// is a client usage, verified only with SSLProxyVerify require.
/// </summary>
public sealed partial class ApacheReader : IConfigReader
{
    /// <summary>Sections whose contents apply as if written in place (conditional on modules, defines, versions).</summary>
    private static readonly HashSet<string> Transparent = ["ifmodule", "ifdefine", "ifversion", "iffile", "ifdirective", "ifsection", "else", "elseif", "if"];

    private const int MaxFolderFiles = 100;

    public string Format => "apache";

    public bool Detect(string relativePath, string text) =>
        (relativePath.EndsWith(".conf", StringComparison.OrdinalIgnoreCase) || !Path.HasExtension(relativePath)
         || relativePath.EndsWith(".vhost", StringComparison.OrdinalIgnoreCase) || relativePath.EndsWith(".site", StringComparison.OrdinalIgnoreCase))
        && Signature().IsMatch(text);

    [GeneratedRegex(@"^\s*(<VirtualHost\b|SSLCertificateFile\s|SSLEngine\s|SSLProxyMachineCertificateFile\s|ServerRoot\s|LoadModule\s)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex Signature();

    public void Read(ConfigSource source, ConfigReadResult result)
    {
        var top = new ApacheParser(source, result).Parse();
        var serverLevel = Flatten(top).ToList();
        var reader = new Builder(source, result);
        var vhosts = Sections(top, "virtualhost").ToList();
        // The main server is a TLS server of its own only when it switches SSL on itself (else its SSL* lines are defaults).
        if (Last(serverLevel, "sslengine") is { Args: [var on, ..] } && on.Equals("on", StringComparison.OrdinalIgnoreCase))
            reader.Host(source.At(1), "main server", serverLevel, serverLevel);
        foreach (var vhost in vhosts)
        {
            var own = Flatten(vhost.Block!).ToList();
            var effective = serverLevel.Where(d => !own.Any(o => o.Name == d.Name)).Concat(own).ToList();
            reader.Host(vhost.At, "VirtualHost " + string.Join(' ', vhost.Args), own, effective);
        }
    }

    /// <summary>Directives of a level, with transparent sections opened; virtual hosts and path sections left out.</summary>
    private static IEnumerable<ApacheDirective> Flatten(IReadOnlyList<ApacheDirective> block)
    {
        foreach (var d in block)
        {
            if (d.Block is null) yield return d;
            else if (Transparent.Contains(d.Name)) foreach (var inner in Flatten(d.Block)) yield return inner;
        }
    }

    private static IEnumerable<ApacheDirective> Sections(IReadOnlyList<ApacheDirective> block, string name)
    {
        foreach (var d in block.Where(d => d.Block is not null))
        {
            if (d.Name == name) yield return d;
            else if (Transparent.Contains(d.Name)) foreach (var inner in Sections(d.Block!, name)) yield return inner;
        }
    }

    internal static ApacheDirective? Last(IEnumerable<ApacheDirective> ds, string name) => ds.LastOrDefault(d => d.Name == name);

    private sealed class Builder(ConfigSource source, ConfigReadResult result)
    {
        public void Host(SourceLocation at, string section, List<ApacheDirective> own, List<ApacheDirective> ds)
        {
            var serverName = Last(ds, "servername");
            var hosts = new[] { serverName }.OfType<ApacheDirective>().Concat(ds.Where(d => d.Name == "serveralias"))
                .SelectMany(d => d.Args).Select(HostOf).Where(IsLiteralHost).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var service = section + (hosts.Count > 0 ? " " + hosts[0] : "");
            var engine = Last(ds, "sslengine");
            var sslOn = engine is { Args: [var e, ..] } ? e.Equals("on", StringComparison.OrdinalIgnoreCase) : own.Any(d => d.Name == "sslcertificatefile");
            if (sslOn) Server(at, service, ds, hosts, serverName);
            if (Last(ds, "sslproxymachinecertificatefile") is not null || Last(ds, "sslproxyengine") is { Args: [var p, ..] } && p.Equals("on", StringComparison.OrdinalIgnoreCase))
                Client(service, ds);
        }

        private void Server(SourceLocation at, string service, List<ApacheDirective> ds, List<string> hosts, ApacheDirective? serverName)
        {
            var verify = Last(ds, "sslverifyclient");
            var mode = (First(verify) ?? "none").ToLowerInvariant();
            var common = new TlsUsage
            {
                Format = "apache",
                Location = at,
                Service = service,
                Role = UsageRole.Server,
                Chain = Reference(Last(ds, "sslcertificatechainfile")),
                CaFiles = Files(ds, "sslcacertificatefile", "sslcacertificatepath", UsagePaths.IsCaFolderCertificate),
                CrlFiles = Files(ds, "sslcarevocationfile", "sslcarevocationpath", _ => true),
                VerifyPeer = mode is "require" or "optional",
                VerifyAt = verify?.At,
                RequestsClientCertificate = mode is "require" or "optional" or "optional_no_ca",
                Protocols = ApacheProtocols.Parse(Last(ds, "sslprotocol")),
                Hosts = hosts,
                HostsAt = serverName?.At,
                Settings = new Dictionary<string, string> { ["SSLVerifyClient"] = mode },
            };
            var certs = ds.Where(d => d.Name == "sslcertificatefile").ToList();
            var keys = ds.Where(d => d.Name == "sslcertificatekeyfile").ToList();
            if (certs.Count == 0)
            {
                result.Usages.Add(common);
                return;
            }
            // RSA and ECDSA pairs pair in order; without SSLCertificateKeyFile the key is in the certificate file.
            for (var i = 0; i < certs.Count; i++)
            {
                result.Usages.Add(common with
                {
                    Location = certs.Count == 1 ? at : certs[i].At,
                    Certificate = Reference(certs[i]),
                    Key = Reference(i < keys.Count ? keys[i] : certs[i]),
                });
            }
        }

        private void Client(string service, List<ApacheDirective> ds)
        {
            var machine = Last(ds, "sslproxymachinecertificatefile");
            var verify = Last(ds, "sslproxyverify");
            var anchor = machine ?? Last(ds, "sslproxyengine")!;
            var verifies = (First(verify) ?? "none").ToLowerInvariant() is "require" or "optional";
            // mod_ssl checks the backend's name with SSLProxyCheckPeerName (default on), else with the first CN when
            // SSLProxyCheckPeerCN (default on): only both off leave the chain check alone.
            var checkName = Last(ds, "sslproxycheckpeername");
            var checkCn = Last(ds, "sslproxycheckpeercn");
            static bool Off(ApacheDirective? d) => First(d)?.Equals("off", StringComparison.OrdinalIgnoreCase) == true;
            var nameUnchecked = Off(checkName) && Off(checkCn);
            result.Usages.Add(new TlsUsage
            {
                Format = "apache",
                Location = anchor.At,
                Service = service + " proxy",
                Role = UsageRole.Client,
                Certificate = Reference(machine),
                Key = Reference(machine),
                CaFiles = Files(ds, "sslproxycacertificatefile", "sslproxycacertificatepath", UsagePaths.IsCaFolderCertificate),
                CrlFiles = Files(ds, "sslproxycarevocationfile", "sslproxycarevocationpath", _ => true),
                VerifyPeer = verifies,
                VerifyAt = verify?.At,
                VerifyHost = verifies ? !nameUnchecked : null,
                VerifyHostAt = verifies ? (checkName ?? checkCn)?.At : null,
                Protocols = ApacheProtocols.Parse(Last(ds, "sslproxyprotocol")),
            });
        }

        /// <summary>
        /// The files of every FILE directive, then every file of every PATH directive's folder (mod_ssl reads a CA or
        /// CRL folder through its hash links; every file in it counts, sorted, at most 100). A folder that is not
        /// there stays one reference, for config-file-missing.
        /// </summary>
        private List<FileReference> Files(List<ApacheDirective> ds, string file, string folder, Func<string, bool> include) =>
        [
            .. ds.Where(d => d.Name == file).Select(Reference).OfType<FileReference>(),
            .. ds.Where(d => d.Name == folder).Select(Reference).OfType<FileReference>()
                .SelectMany(r => UsagePaths.FolderFiles(r, source.Directory, source.Root, include, MaxFolderFiles) ?? [r]),
        ];

        private FileReference? Reference(ApacheDirective? d)
        {
            if (d is null || First(d) is not { Length: > 0 } path || path.Contains('$') || path.Contains("%{", StringComparison.Ordinal)) return null;
            var directive = Canonical(d.Name);
            if (path.StartsWith('/') || Path.IsPathRooted(path)) return UsagePaths.Reference(path, d.At, directive, source.Directory);
            var full = ApachePaths.Locate(path, source.Directory, source.Root) ?? Path.GetFullPath(path, source.Directory);
            return new FileReference(path, d.At, directive) { ResolvedFullPath = full };
        }

        private static string? First(ApacheDirective? d) => d is { Args.Count: > 0 } ? d.Args[0] : null;

        /// <summary>ServerName may carry a scheme and a port: https://www.example.test:443.</summary>
        private static string HostOf(string name)
        {
            var n = name.Contains("://", StringComparison.Ordinal) ? name[(name.IndexOf("://", StringComparison.Ordinal) + 3)..] : name;
            var colon = n.LastIndexOf(':');
            return colon > 0 && !n.StartsWith('[') ? n[..colon] : n;
        }

        private static bool IsLiteralHost(string name) => name.Length > 0 && name.IndexOfAny(['*', '?', '$', '%']) < 0 && !name.StartsWith('[');
    }

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["sslcertificatefile"] = "SSLCertificateFile",
        ["sslcertificatekeyfile"] = "SSLCertificateKeyFile",
        ["sslcertificatechainfile"] = "SSLCertificateChainFile",
        ["sslcacertificatefile"] = "SSLCACertificateFile",
        ["sslproxymachinecertificatefile"] = "SSLProxyMachineCertificateFile",
        ["sslproxycacertificatefile"] = "SSLProxyCACertificateFile",
        ["sslcacertificatepath"] = "SSLCACertificatePath",
        ["sslproxycacertificatepath"] = "SSLProxyCACertificatePath",
        ["sslcarevocationfile"] = "SSLCARevocationFile",
        ["sslcarevocationpath"] = "SSLCARevocationPath",
        ["sslproxycarevocationfile"] = "SSLProxyCARevocationFile",
        ["sslproxycarevocationpath"] = "SSLProxyCARevocationPath",
        ["sslprotocol"] = "SSLProtocol",
        ["sslproxyprotocol"] = "SSLProxyProtocol",
    };

    /// <summary>The directive as the httpd documentation spells it, for messages.</summary>
    internal static string Canonical(string lower) => Names.GetValueOrDefault(lower, lower);
}
