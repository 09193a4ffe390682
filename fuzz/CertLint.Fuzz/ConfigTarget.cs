using System.Text;
using CertLint.Model;
using CertLint.Parsing;
using CertLint.Usage;

namespace CertLint.Fuzz;

/// <summary>
/// The `config` harness: one input read by every configuration reader (nginx, Kubernetes, IRIS merge / SSLDefs.ini /
/// XML, Kestrel, Apache, HAProxy, docker-compose, Spring) under a name that reader reads. The readers are called
/// directly, not through ConfigStage, whose catch-all turns a reader bug into a parse issue: here a bug is a crash.
/// Every include or list a configuration names inside the fuzz root opens the same input again, so include cycles and
/// glob fan-out are fuzzed too; the root holds a few empty files for globs and existence checks to find.
/// </summary>
internal static class ConfigTarget
{
    /// <summary>The names each input is read under: one per reader and form (IRIS has three).</summary>
    private static readonly string[] Names =
    [
        "nginx.conf", "k8s/manifest.yaml", "iris/merge.cpf", "iris/SSLDefs.ini", "iris/export.xml", "appsettings.json",
        "httpd.conf", "haproxy.cfg", "docker-compose.yml", "application.yml", "application.properties",
    ];

    private static string? _root;

    /// <summary>A fixed folder: conf.d/ and certs/ with empty files that includes, globs and crt folders find.</summary>
    private static string Root
    {
        get
        {
            if (_root is not null) return _root;
            var root = Path.Combine(Path.GetTempPath(), "certlint-fuzz-config");
            foreach (var dir in new[] { "conf.d", "certs", "k8s", "iris", "src/main/resources" }) Directory.CreateDirectory(Path.Combine(root, dir));
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
        // ConfigStage.Load reads no file with a NUL byte: the readers never see one.
        if (Array.IndexOf(input, (byte)0) >= 0) return;
        var text = Encoding.UTF8.GetString(input);
        var root = Root;
        foreach (var name in Names)
        {
            // Every signature is tried (their regexes see hostile text too); the reader for the name reads it.
            foreach (var candidate in ConfigStage.Readers) candidate.Detect(name, text);
            var reader = ReaderFor(name);
            var result = new ConfigReadResult();
            try
            {
                reader.Read(Source(root, name, text, passwords), result);
            }
            catch (TooManyUsagesException)
            {
                // the usage cap: ConfigStage reports it at the line
            }
            foreach (var issue in result.Issues)
            {
                if (issue.Location.StartLine < 1) throw new InvalidDataException($"{reader.Format}: parse issue without a line");
            }
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

    /// <summary>The reader for a name, whether or not its signature matched: the fuzzer need not find the signature first.</summary>
    private static IConfigReader ReaderFor(string name)
    {
        var format = Path.GetFileName(name) switch
        {
            "nginx.conf" => "nginx",
            "manifest.yaml" => "kubernetes",
            "merge.cpf" or "SSLDefs.ini" or "export.xml" => "iris",
            "appsettings.json" => "kestrel",
            "httpd.conf" => "apache",
            "haproxy.cfg" => "haproxy",
            "docker-compose.yml" => "compose",
            _ => "spring",
        };
        return ConfigStage.Readers.Single(r => r.Format == format);
    }
}
