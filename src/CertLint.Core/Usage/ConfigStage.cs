using CertLint.Configuration;
using CertLint.Model;
using CertLint.Parsing;
using CertLint.Usage.Iris;
using CertLint.Usage.Kestrel;
using CertLint.Usage.Apache;
using CertLint.Usage.Caddy;
using CertLint.Usage.Compose;
using CertLint.Usage.Docker;
using CertLint.Usage.Elastic;
using CertLint.Usage.Envoy;
using CertLint.Usage.Etcd;
using CertLint.Usage.Haproxy;
using CertLint.Usage.Hashicorp;
using CertLint.Usage.Kubernetes;
using CertLint.Usage.Mongo;
using CertLint.Usage.Mosquitto;
using CertLint.Usage.Mysql;
using CertLint.Usage.Nginx;
using CertLint.Usage.Postgres;
using CertLint.Usage.Prometheus;
using CertLint.Usage.Redis;
using CertLint.Usage.Spring;
using CertLint.Usage.Kafka;
using CertLint.Usage.Rabbitmq;
using CertLint.Usage.Openvpn;
using CertLint.Usage.Tomcat;
using CertLint.Usage.Traefik;

namespace CertLint.Usage;

/// <summary>
/// The configuration stage, between parsing and the inventory: finds configuration files, lets the first reader that
/// recognises each one read it, and collects the usages, syntax problems and embedded certificates. Never throws for
/// a file's sake: a reader's bug becomes a parse issue on that file.
/// </summary>
public static class ConfigStage
{
    /// <summary>Configuration files larger than this are not read: real ones are a few kilobytes.</summary>
    public const int MaxConfigBytes = 1024 * 1024;

    /// <summary>The readers, most specific first (a Kubernetes manifest is YAML, so is docker-compose).</summary>
    public static IReadOnlyList<IConfigReader> Readers { get; } =
    [
        // Caddyfiles by name only (Caddyfile, Caddyfile.*, *.caddyfile), which no other format uses: first, so that an
        // extension-less Caddyfile is never read as nginx's.
        new CaddyReader(),
        new NginxReader(),
        new KubernetesReader(),
        new IrisReader(),
        // Tomcat's server.xml (and .xml fragments with a <Connector ... SSLEnabled>): after IRIS, whose XML exports are
        // told by their own elements.
        new TomcatReader(),
        new KestrelReader(),
        new ApacheReader(),
        new HaproxyReader(),
        new PostgresReader(),
        new PgServiceReader(),
        new RedisReader(),
        new ComposeReader(),
        new SpringReader(),
        new EnvoyReader(),
        new MysqlReader(),
        new MongoReader(),
        // Message brokers: after Spring (application*.properties with spring.kafka.ssl.* are Spring's).
        new KafkaReader(),
        new RabbitmqReader(),
        // mosquitto.conf, mosquitto*.conf, and .conf files with mosquitto's own lines (listener 8883, require_certificate,
        // bridge_cafile...): after the readers whose signatures other .conf files carry, before OpenVPN's generic one.
        new MosquittoReader(),
        // elasticsearch.yml, kibana.yml, *beat.yml: by name.
        new ElasticReader(),
        // prometheus.yml (a top-level scrape_configs:, or prometheus*.yml with remote_write/remote_read/alerting) and
        // exporter-toolkit web configurations (a top-level tls_server_config:): keys no other reader's files have at
        // the top level; after the readers that know their files by name.
        new PrometheusReader(),
        // etcd's configuration file: YAML with a top-level client-/peer-transport-security, or etcd*.yml naming its URLs.
        new EtcdReader(),
        // The Docker daemon's daemon.json (by name, with a tls key): no other reader takes a file of that name.
        new DockerReader(),
        // .ovpn profiles, and .conf files with OpenVPN's own lines (dev tun, tls-client, <ca>...): last, as the most generic.
        new OpenvpnReader(),
        // Traefik's file provider: YAML whose top level is tls/http/tcp (dynamic) or serversTransport (static).
        new TraefikReader(),
        // Vault, Consul and Nomad agent configurations: .hcl files, which no other reader reads.
        new HashicorpReader(),
    ];

    public static ConfigScan Read(LintSettings settings, IPasswordSource passwords, CancellationToken cancellationToken = default)
    {
        var root = Path.GetFullPath(settings.Root);
        var perFile = new List<(SourceFile File, string Format, ConfigReadResult Result, int Dropped, SourceLocation? FirstDropped)>();
        var includes = new IncludeBudget();
        var cap = new RunUsageCap();
        var readAt = new Dictionary<string, int>(StringComparer.Ordinal);   // perFile index of each file read on its own
        var includedSoFar = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in ConfigDiscovery.Find(settings, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Load(file, root, passwords, includes) is not { } source)
            {
                // Padding a configuration past the size limit must not hide it: one that looks like a configuration is a
                // parse-error saying it was not read.
                if (TooLarge(file) is { } unread)
                {
                    readAt.TryAdd(file.FullPath, perFile.Count);
                    perFile.Add((file, unread.Format, unread.Result, 0, null));
                }
                continue;
            }
            var reader = Readers.FirstOrDefault(r => r.Detect(file.RelativePath, source.Text));
            if (reader is null) continue;
            var result = new ConfigReadResult();
            // Keys embedded in a configuration (a Secret's data, an inline <key>) get a file's allowance of key arithmetic,
            // then pay from the run's budget: configurations are read one by one, in order, before the files.
            using (ArithmeticMeter.Open(deferring: false, passwords.ArithmeticBudget)) ReadOne(reader, source, result);
            // A file read in its includer's context is dropped below: its own reading does not count toward the run's cap
            // (whichever is read first), so usages are counted once, where they are judged.
            if (includedSoFar.Contains(file.FullPath)) result.Usages.Clear();
            var (dropped, first) = cap.Take(result);
            readAt.TryAdd(file.FullPath, perFile.Count);
            perFile.Add((file, reader.Format, result, dropped, first));
            foreach (var path in result.Included)
            {
                if (!includedSoFar.Add(path) || !readAt.TryGetValue(path, out var earlier)) continue;
                cap.Refund(perFile[earlier].Result.Usages.Count);
                perFile[earlier].Result.Usages.Clear();
            }
        }
        // A file another configuration includes was read there, in its including context: its own reading is dropped.
        var included = perFile.SelectMany(p => p.Result.Included).ToHashSet(StringComparer.Ordinal);
        var kept = perFile.Where(p => !included.Contains(p.File.FullPath)).ToList();
        var usages = kept.SelectMany(p => p.Result.Usages).DistinctBy(u => u.Id).Order(UsageOrder).ToList();
        var issues = kept.SelectMany(p => p.Result.Issues).DistinctBy(i => (i.Location.File.FullPath, i.Location.StartLine, i.Message)).ToList();
        if (kept.Sum(p => p.Dropped) is > 0 and var notJudged) issues.Add(RunUsageCap.Issue(kept.First(p => p.Dropped > 0).FirstDropped!, notJudged));
        // Every file read, and the included files that had a problem, each once with its issues.
        var files = perFile.Select(p => (p.File, p.Format))
            .Concat(issues.Select(i => (i.Location.File, Format: "include")))
            .DistinctBy(f => f.File.FullPath, StringComparer.Ordinal);
        var issuesOf = issues.ToLookup(i => i.Location.File.FullPath, StringComparer.Ordinal);   // not files x issues
        var configFiles = files
            .Select(f => (new ParsedFile { File = f.File, Issues = [.. issuesOf[f.File.FullPath]] }, f.Format))
            .ToList();
        return new ConfigScan { Usages = KubernetesLinks.Apply(usages), ConfigFiles = configFiles, Embedded = [.. kept.SelectMany(p => p.Result.Embedded)] };
    }

    /// <summary>Usages by file, line and id (ordinal). One comparer, not OrderBy(...).ThenBy(...): each ThenBy is a generic
    /// virtual call, resolved at run time on its first call under Native AOT, some 100 µs of every run (docs/performance.md,
    /// Session 10 (h10s)).</summary>
    private static readonly Comparer<TlsUsage> UsageOrder = Comparer<TlsUsage>.Create((a, b) =>
    {
        var byFile = string.CompareOrdinal(a.Location.File.RelativePath, b.Location.File.RelativePath);
        if (byFile != 0) return byFile;
        var byLine = a.Location.StartLine.CompareTo(b.Location.StartLine);
        return byLine != 0 ? byLine : string.CompareOrdinal(a.Id, b.Id);
    });

    private static void ReadOne(IConfigReader reader, ConfigSource source, ConfigReadResult result)
    {
        try
        {
            reader.Read(source, result);
        }
        catch (TooManyUsagesException e)
        {
            result.Error(e.At, e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
        {
            // A reader bug must not stop the run, nor echo the file: name the exception type only.
            result.Error(source.At(1), $"{reader.Format} configuration could not be read ({e.GetType().Name})");
        }
    }

    /// <summary>
    /// A file over <see cref="MaxConfigBytes"/> whose first <see cref="MaxConfigBytes"/> bytes a reader recognises: its
    /// format and a result holding one error at line 1. Null for any other file (a large JSON or YAML that is no
    /// configuration stays silent, as before).
    /// </summary>
    private static (string Format, ConfigReadResult Result)? TooLarge(SourceFile file)
    {
        // One byte past the limit tells a file over it from one that failed to load for another reason.
        var read = Discovery.BoundedFile.ReadPrefix(file.FullPath, MaxConfigBytes + 1);
        if (read.Bytes is not { } bytes || bytes.Length <= MaxConfigBytes) return null;
        if (Discovery.TextMarks.ConfigurationText(bytes.AsSpan(0, MaxConfigBytes), out _) is not { } text) return null;
        if (Readers.FirstOrDefault(r => r.Detect(file.RelativePath, text)) is not { } reader) return null;
        var result = new ConfigReadResult();
        result.Error(new SourceLocation(file), $"{reader.Format} configuration not read: it is larger than 1 MB, so its TLS settings were not checked");
        return (reader.Format, result);
    }

    /// <summary>Reads a configuration's text, bounded; null when it is unreadable, too large or binary.</summary>
    internal static ConfigSource? Load(SourceFile file, string root, IPasswordSource passwords, IncludeBudget includes)
    {
        try
        {
            // Bounded and regular files only (a FIFO or /dev/zero named like a configuration must not hang or exhaust the run).
            var read = Discovery.BoundedFile.Read(file.FullPath, MaxConfigBytes);
            if (!read.Ok) return null;
            var bytes = read.Bytes!;
            if (Discovery.TextMarks.ConfigurationText(bytes, out var mark) is not { } text) return null; // binary
            return new ConfigSource
            {
                File = file,
                Text = text,
                Mark = mark,
                Root = root,
                Passwords = passwords,
                Open = path => Open(path, root, passwords, includes),
                Includes = includes,
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static ConfigSource? Open(string fullPath, string root, IPasswordSource passwords, IncludeBudget includes)
    {
        var full = Path.GetFullPath(fullPath);
        if (!ConfigConfinement.IsInside(full, root) || !File.Exists(full)) return null;
        var length = new FileInfo(full).Length;
        if (!includes.Take(Math.Min(length, MaxConfigBytes))) return null;
        return Load(Discovery.FileDiscovery.MakeSourceFile(root, full, length), root, passwords, includes);
    }
}
