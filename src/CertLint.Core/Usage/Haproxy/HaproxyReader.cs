using System.Text.RegularExpressions;
using CertLint.Model;

namespace CertLint.Usage.Haproxy;

/// <summary>
/// HAProxy: a `bind ... ssl crt FILE|DIR` serves each certificate (the PEM holds the certificate, its chain and its key,
/// or the key sits beside it as FILE.key), verifies clients with `ca-file` when `verify required|optional`; a
/// `server NAME ADDR ssl` in a backend is a client presenting `crt`, verifying the server with `ca-file` unless
/// `verify none` (ssl-server-verify decides the default: required). Protocol versions come from ssl-min-ver /
/// ssl-max-ver / no-tlsvXX / force-tlsvXX on the line, else from ssl-default-bind-options /
/// ssl-default-server-options in global. Relative paths start at crt-base / ca-base, else the configuration's folder.
/// </summary>
public sealed partial class HaproxyReader : IConfigReader
{
    /// <summary>Certificates loaded from one crt folder at most (HAProxy loads them all; a repository holds a few).</summary>
    private const int MaxDirectoryCertificates = 100;

    private static readonly HashSet<string> SidecarExtensions = new(StringComparer.OrdinalIgnoreCase) { ".key", ".ocsp", ".issuer", ".sctl", ".sample" };

    private static readonly HashSet<string> CaExtensions = new(StringComparer.OrdinalIgnoreCase) { ".pem", ".crt", ".cer" };

    public string Format => "haproxy";

    public bool Detect(string relativePath, string text) =>
        (relativePath.EndsWith(".cfg", StringComparison.OrdinalIgnoreCase) || relativePath.EndsWith(".conf", StringComparison.OrdinalIgnoreCase))
        && Signature().IsMatch(text);

    [GeneratedRegex(@"^\s*(frontend|backend|listen)\s+\S+\s*$", RegexOptions.Multiline)]
    private static partial Regex Signature();

    public void Read(ConfigSource source, ConfigReadResult result)
    {
        var sections = HaproxyConfig.Parse(source, result);
        var global = sections.Where(s => s.Kind == "global").SelectMany(s => s.Lines).ToList();
        var context = new Context(source, result, global);
        List<HaproxyLine> defaults = [];
        foreach (var section in sections)
        {
            if (section.Kind == "defaults")
            {
                defaults = section.Lines;
                continue;
            }
            if (section.Kind is not ("frontend" or "backend" or "listen")) continue;
            var defaultServer = defaults.Concat(section.Lines).Where(l => l.Keyword == "default-server").SelectMany(l => l.Args).ToList();
            foreach (var line in section.Lines)
            {
                if (line.Keyword == "bind" && section.Kind != "backend" && line.Args.Contains("ssl")) context.Bind(section, line);
                else if (line.Keyword == "server" && section.Kind != "frontend" && line.Args.Count >= 2)
                {
                    var options = new ServerOptions(defaultServer.Concat(line.Args.Skip(2)).ToList(), line);
                    if (options.Has("ssl") && !options.Has("no-ssl")) context.Server(section, line, options);
                }
            }
        }
    }

    /// <summary>A server line's options after default-server ones: the later value of a keyword wins.</summary>
    internal sealed class ServerOptions(List<string> words, HaproxyLine line)
    {
        public HaproxyLine Line => line;

        public bool Has(string keyword) => words.Contains(keyword);

        public string? Value(string keyword)
        {
            var i = words.LastIndexOf(keyword);
            return i >= 0 && i + 1 < words.Count ? words[i + 1] : null;
        }

        public IReadOnlyList<string> Words => words;
    }

    internal sealed class Context(ConfigSource source, ConfigReadResult result, List<HaproxyLine> global)
    {
        private string? GlobalValue(string keyword) => global.LastOrDefault(l => l.Keyword == keyword) is { Args.Count: > 0 } l ? l.Args[0] : null;

        public void Bind(HaproxySection section, HaproxyLine line)
        {
            var args = line.Args;
            var common = BindUsage($"{section.Kind} {section.Name} bind {(args.Count > 0 ? args[0] : "")}".TrimEnd(), line);
            var crts = Values(args, "crt").SelectMany(p => Certificates(p, line)).ToList();
            var lists = Values(args, "crt-list").ToList();
            foreach (var list in lists) HaproxyCrtList.Read(this, common, line, Reference(list, line, "crt-list", "crt-base"));
            if (crts.Count == 0)
            {
                if (lists.Count == 0) result.Usages.Add(common);
                return;
            }
            for (var i = 0; i < crts.Count; i++)
            {
                result.Usages.Add(common with
                {
                    Service = crts.Count == 1 ? common.Service : $"{common.Service} crt {Path.GetFileName(crts[i].Path)}",
                    Certificate = crts[i],
                    Key = KeyOf(crts[i]),
                    Settings = new Dictionary<string, string>(common.Settings) { ["index"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                });
            }
        }

        public void Server(HaproxySection section, HaproxyLine line, ServerOptions options)
        {
            var verify = options.Value("verify") ?? GlobalValue("ssl-server-verify") ?? "required";
            var explicitVerify = line.Args.Contains("verify");
            // With verify required the name is checked against the SNI sent (`sni`) or, without one, `verifyhost`;
            // with neither (or `verifyhost none`) only the chain is.
            var verifyHost = options.Value("verifyhost");
            var hostChecked = verifyHost is not null ? verifyHost != "none" : options.Value("sni") is not null;
            var crt = options.Value("crt") is { } c ? Reference(c, line, "crt", "crt-base") : null;
            var defaults = global.LastOrDefault(l => l.Keyword == "ssl-default-server-options");
            result.Usages.Add(new TlsUsage
            {
                Format = "haproxy",
                Location = line.At,
                Service = $"{section.Kind} {section.Name} server {line.Args[0]} {line.Args[1]}",
                Role = UsageRole.Client,
                PeerHost = PeerHosts.Of(line.Args[1]),
                Certificate = crt,
                Key = crt is null ? null : KeyOf(crt),
                CaFiles = options.Value("ca-file") is { } ca ? CaFiles(Reference(ca, line, "ca-file", "ca-base")) : [],
                VerifyPeer = verify != "none",
                VerifyAt = explicitVerify ? line.At : null,
                VerifyHost = verify == "none" ? null : hostChecked,
                VerifyHostAt = verify == "none" || !(line.Args.Contains("verifyhost") || line.Args.Contains("sni")) ? null : line.At,
                Protocols = HaproxyProtocols.Of([.. options.Words], line, "server") ?? HaproxyProtocols.Of(defaults?.Args ?? [], defaults, "ssl-default-server-options"),
                Settings = new Dictionary<string, string> { ["verify"] = verify },
            });
        }

        public ConfigSource Source => source;

        public ConfigReadResult Result => result;

        /// <summary>
        /// A server usage from a bind line's options, without its certificate: verify, ca-file (a file or a folder),
        /// protocol versions. A crt-list entry's own options override the bind line's, each keeping its line.
        /// </summary>
        public TlsUsage BindUsage(string service, HaproxyLine bind, HaproxyLine? entry = null)
        {
            HaproxyLine From(string keyword) => entry is not null && Values(entry.Args, keyword).Any() ? entry : bind;
            var verifyLine = From("verify");
            var verify = Value(verifyLine.Args, "verify");
            var caLine = From("ca-file");
            var crlLine = From("crl-file");
            // crt-ignore-err all ignores every verification error of the client's own certificate (depth 0): an
            // unknown issuer, a self-signed or expired certificate all pass, so nothing is verified.
            var ignoreLine = From("crt-ignore-err");
            var asks = verify is "required" or "optional";
            var acceptsAny = asks && Value(ignoreLine.Args, "crt-ignore-err") == "all";
            var defaults = global.LastOrDefault(l => l.Keyword == "ssl-default-bind-options");
            return new TlsUsage
            {
                Format = "haproxy",
                Location = (entry ?? bind).At,
                Service = service,
                Role = UsageRole.Server,
                CaFiles = [.. Values(caLine.Args, "ca-file").SelectMany(p => CaFiles(Reference(p, caLine, "ca-file", "ca-base")))],
                CrlFiles = [.. Values(crlLine.Args, "crl-file").Select(p => Reference(p, crlLine, "crl-file", "ca-base"))],
                VerifyPeer = asks && !acceptsAny,
                VerifyAt = acceptsAny ? ignoreLine.At : verify is null ? null : verifyLine.At,
                RequestsClientCertificate = asks,
                Protocols = (entry is null ? null : HaproxyProtocols.Of(entry.Args, entry, "crt-list"))
                            ?? HaproxyProtocols.Of(bind.Args, bind, "bind") ?? HaproxyProtocols.Of(defaults?.Args ?? [], defaults, "ssl-default-bind-options"),
                Settings = new Dictionary<string, string> { ["verify"] = verify ?? "none" },
            };
        }

        /// <summary>The certificates a crt names: the file, or every certificate file of a folder (sorted, bounded).</summary>
        public IEnumerable<FileReference> Certificates(string path, HaproxyLine line) =>
            Certificates(Reference(path, line, "crt", "crt-base"));

        public IEnumerable<FileReference> Certificates(FileReference reference) =>
            UsagePaths.FolderFiles(reference, source.Directory, source.Root, name => !SidecarExtensions.Contains(Path.GetExtension(name)), MaxDirectoryCertificates)
            ?? [reference];

        /// <summary>
        /// A ca-file that names a folder: HAProxy (2.6 and later) loads every .pem, .crt and .cer file in it (dot files
        /// skipped); CRLs in it are left to crl-file.
        /// </summary>
        private List<FileReference> CaFiles(FileReference reference) =>
            UsagePaths.FolderFiles(reference, source.Directory, source.Root, name => CaExtensions.Contains(Path.GetExtension(name)), MaxDirectoryCertificates)
            ?? [reference];

        /// <summary>HAProxy takes the key from the crt PEM, else from FILE.key beside it (ssl-load-extra-files).</summary>
        public static FileReference KeyOf(FileReference crt) =>
            crt.ResolvedFullPath is { } full && File.Exists(full + ".key")
                ? new FileReference(crt.Path + ".key", crt.At, crt.Directive + " (.key)") { ResolvedFullPath = full + ".key" }
                : crt;

        public FileReference Reference(string path, HaproxyLine line, string keyword, string baseKeyword)
        {
            var written = path;
            if (!path.StartsWith('/') && GlobalValue(baseKeyword) is { } b) written = b.TrimEnd('/') + "/" + path;
            return UsagePaths.Reference(written, line.At, keyword, source.Directory);
        }

        public static string? Value(IReadOnlyList<string> args, string keyword) => Values(args, keyword).LastOrDefault();

        private static IEnumerable<string> Values(IReadOnlyList<string> args, string keyword)
        {
            for (var i = 0; i + 1 < args.Count; i++)
            {
                if (args[i] == keyword) yield return args[i + 1];
            }
        }
    }
}
