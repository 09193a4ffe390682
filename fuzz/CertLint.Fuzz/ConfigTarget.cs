using System.Text;
using CertLint.Model;
using CertLint.Parsing;
using CertLint.Usage;

namespace CertLint.Fuzz;

/// <summary>
/// The `config` harness: one input read by every configuration reader (nginx, Kubernetes, IRIS merge / SSLDefs.ini /
/// XML, Kestrel, Apache, HAProxy, PostgreSQL postgresql.conf / pg_hba.conf / pg_service.conf, Redis, docker-compose,
/// Spring, Envoy, MySQL / MariaDB my.cnf, MongoDB mongod.conf, Kafka, RabbitMQ, Mosquitto, OpenVPN, Traefik (YAML and TOML), Caddy, the Elastic Stack, Prometheus prometheus.yml and exporter-toolkit web configurations, HashiCorp Vault / Consul / Nomad HCL, Tomcat server.xml, etcd, the Docker daemon's daemon.json) under a name that reader reads.
/// The readers are called
/// directly, not through ConfigStage, whose catch-all turns a reader bug into a parse issue: here a bug is a crash.
/// Every include or list a configuration names inside the fuzz root opens the same input again, so include cycles and
/// glob fan-out are fuzzed too; the root holds a few empty files for globs and existence checks to find.
/// </summary>
public static class ConfigTarget
{
    /// <summary>The names each input is read under: one per reader and form (IRIS has three).</summary>
    private static readonly string[] Names =
    [
        "nginx.conf", "k8s/manifest.yaml", "iris/merge.cpf", "iris/SSLDefs.ini", "iris/export.xml", "appsettings.json",
        "httpd.conf", "haproxy.cfg", "docker-compose.yml", "application.yml", "application.properties",
        "postgresql.conf", "pg_hba.conf", "pg_service.conf", "redis.conf", "envoy.yaml",
        "my.cnf", "mongod.conf",
        "server.properties", "rabbitmq.conf", "mosquitto.conf", "client.ovpn", "traefik/dynamic.yml", "traefik/dynamic.toml",
        "caddy/Caddyfile",
        "elasticsearch.yml", "kibana.yml", "filebeat.yml",
        "prometheus/prometheus.yml", "prometheus/web-config.yml",
        "hashicorp/vault.hcl", "hashicorp/consul.json",
        "tomcat/conf/server.xml",
        "etcd.conf.yml", "docker/daemon.json",
    ];

    private static string? _root;

    /// <summary>A fixed folder: conf.d/ and certs/ with empty files that includes, globs and crt folders find.</summary>
    private static string Root
    {
        get
        {
            if (_root is not null) return _root;
            var root = Path.Combine(Path.GetTempPath(), "certlint-fuzz-config");
            foreach (var dir in new[] { "conf.d", "certs", "k8s", "iris", "src/main/resources", "caddy", "prometheus" }) Directory.CreateDirectory(Path.Combine(root, dir));
            foreach (var file in new[] { "conf.d/a.conf", "conf.d/b.conf", "certs/www.crt", "certs/www.key", "crt-list.txt" })
            {
                var full = Path.Combine(root, file);
                if (!File.Exists(full)) File.WriteAllBytes(full, []);
            }
            return _root = root;
        }
    }

    public static void Run(byte[] input, IPasswordSource passwords)
    {
        foreach (var (name, result) in Read(input, passwords))
        {
            foreach (var issue in result.Issues)
            {
                if (issue.Location.StartLine < 1) throw new InvalidDataException($"{name}: parse issue without a line");
            }
        }
    }

    /// <summary>What each routed reader makes of the input under its name (none for an input with a NUL byte).</summary>
    public static IEnumerable<(string Name, ConfigReadResult Result)> Read(byte[] input, IPasswordSource passwords)
    {
        // ConfigStage.Load reads no file with a NUL byte: the readers never see one.
        if (Array.IndexOf(input, (byte)0) >= 0) yield break;
        var text = Encoding.UTF8.GetString(input);
        var root = Root;
        foreach (var (name, reader) in Routes())
        {
            // Every signature is tried (their regexes see hostile text too); the reader for the name reads it.
            foreach (var candidate in ConfigStage.Readers) candidate.Detect(name, text);
            var result = new ConfigReadResult();
            try
            {
                reader.Read(Source(root, name, text, passwords), result);
            }
            catch (TooManyUsagesException)
            {
                // the usage cap: ConfigStage reports it at the line
            }
            yield return (name, result);
        }
    }

    private static ConfigSource Source(string root, string relative, string text, IPasswordSource passwords) => new()
    {
        File = new SourceFile(Path.Combine(root, relative), relative, text.Length, null),
        Text = text,
        Root = root,
        Passwords = passwords,
        Open = path => Path.GetFullPath(path).StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? Source(root, Path.GetRelativePath(root, Path.GetFullPath(path)), text, passwords)
            : null,
    };

    /// <summary>(name, reader) for each name an input is read under: every reader of <see cref="ConfigStage.Readers"/> has one.</summary>
    public static IEnumerable<(string Name, IConfigReader Reader)> Routes() => Names.Select(n => (n, ReaderFor(n)));

    /// <summary>The reader for a name, whether or not its signature matched: the fuzzer need not find the signature first.</summary>
    private static IConfigReader ReaderFor(string name) => Path.GetFileName(name) switch
    {
        "nginx.conf" => Of<Usage.Nginx.NginxReader>(),
        "manifest.yaml" => Of<Usage.Kubernetes.KubernetesReader>(),
        "merge.cpf" or "SSLDefs.ini" or "export.xml" => Of<Usage.Iris.IrisReader>(),
        "appsettings.json" => Of<Usage.Kestrel.KestrelReader>(),
        "httpd.conf" => Of<Usage.Apache.ApacheReader>(),
        "haproxy.cfg" => Of<Usage.Haproxy.HaproxyReader>(),
        "postgresql.conf" or "pg_hba.conf" => Of<Usage.Postgres.PostgresReader>(),
        "pg_service.conf" => Of<Usage.Postgres.PgServiceReader>(),
        "redis.conf" => Of<Usage.Redis.RedisReader>(),
        "docker-compose.yml" => Of<Usage.Compose.ComposeReader>(),
        "envoy.yaml" => Of<Usage.Envoy.EnvoyReader>(),
        "my.cnf" => Of<Usage.Mysql.MysqlReader>(),
        "mongod.conf" => Of<Usage.Mongo.MongoReader>(),
        "server.properties" => Of<Usage.Kafka.KafkaReader>(),
        "rabbitmq.conf" => Of<Usage.Rabbitmq.RabbitmqReader>(),
        "mosquitto.conf" => Of<Usage.Mosquitto.MosquittoReader>(),
        "client.ovpn" => Of<Usage.Openvpn.OpenvpnReader>(),
        "dynamic.yml" or "dynamic.toml" => Of<Usage.Traefik.TraefikReader>(),
        "elasticsearch.yml" or "kibana.yml" or "filebeat.yml" => Of<Usage.Elastic.ElasticReader>(),
        "Caddyfile" => Of<Usage.Caddy.CaddyReader>(),
        "prometheus.yml" or "web-config.yml" => Of<Usage.Prometheus.PrometheusReader>(),
        "vault.hcl" or "consul.json" => Of<Usage.Hashicorp.HashicorpReader>(),
        "server.xml" => Of<Usage.Tomcat.TomcatReader>(),
        "etcd.conf.yml" => Of<Usage.Etcd.EtcdReader>(),
        "daemon.json" => Of<Usage.Docker.DockerReader>(),
        _ => Of<Usage.Spring.SpringReader>(),
    };

    private static IConfigReader Of<T>() where T : IConfigReader => ConfigStage.Readers.OfType<T>().Single();
}
