using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace CertLint.Cli.Tests.PathModel;

/// <summary>
/// A temporary work folder holding a repository (`repo/`) and an unrelated folder (`elsewhere/`), with a small PKI
/// written into the repository: root CA, intermediate, server and client leaves with their keys. Runs the CLI from
/// inside the repository, from its parent and from the unrelated folder.
/// </summary>
internal sealed class RepoTree : IDisposable
{
    public static readonly DateTimeOffset NotBefore = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset NotAfter = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset LeafNotBefore = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public const string Now = "2026-06-01";

    private readonly List<IDisposable> _owned = [];

    public RepoTree(bool git = false)
    {
        Work = Path.Combine(Path.GetTempPath(), "certlint-paths-" + Guid.NewGuid().ToString("N"));
        Repo = Path.Combine(Work, "repo");
        Elsewhere = Path.Combine(Work, "elsewhere");
        Output = Path.Combine(Work, "out");
        Directory.CreateDirectory(Repo);
        Directory.CreateDirectory(Elsewhere);
        Directory.CreateDirectory(Output);
        if (git) Directory.CreateDirectory(Path.Combine(Repo, ".git"));
    }

    public string Work { get; }
    public string Repo { get; }
    public string Elsewhere { get; }
    public string Output { get; }

    public string Write(string relative, string text)
    {
        var path = Path.Combine(Repo, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A CA certificate (self-signed when <paramref name="issuer"/> is null) with its key.</summary>
    public (X509Certificate2 Cert, ECDsa Key) Ca(string name, (X509Certificate2 Cert, ECDsa Key)? issuer = null)
    {
        var key = Own(ECDsa.Create(ECCurve.NamedCurves.nistP256));
        var req = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        req.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(req.PublicKey, false));
        if (issuer is null) return (Own(req.CreateSelfSigned(NotBefore, NotAfter)), key);
        req.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer.Value.Cert, true, false));
        using var signed = req.Create(issuer.Value.Cert, NotBefore, NotAfter, Serial());
        return (Own(signed.CopyWithPrivateKey(key)), key);
    }

    /// <summary>A leaf for <paramref name="host"/> with serverAuth (or clientAuth) issued by <paramref name="issuer"/>.</summary>
    public (X509Certificate2 Cert, ECDsa Key) Leaf(string host, (X509Certificate2 Cert, ECDsa Key) issuer, bool client = false,
        DateTimeOffset? notBefore = null, double days = 365, byte[]? serial = null, string? subject = null)
    {
        var key = Own(ECDsa.Create(ECCurve.NamedCurves.nistP256));
        var req = new CertificateRequest(new X500DistinguishedName(subject ?? $"CN={host}"), key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(host);
        req.CertificateExtensions.Add(san.Build(critical: subject == ""));
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        req.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(client ? "1.3.6.1.5.5.7.3.2" : "1.3.6.1.5.5.7.3.1")], false));
        req.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer.Cert, true, false));
        req.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(req.PublicKey, false));
        var from = notBefore ?? LeafNotBefore;
        return (Own(req.Create(issuer.Cert, from, from.AddDays(days), serial ?? Serial())), key);
    }

    public void WriteCert(string relative, X509Certificate2 cert) => Write(relative, cert.ExportCertificatePem() + "\n");

    /// <summary>A PKCS#8 key file, mode 600 so that key-file-permissions stays quiet.</summary>
    public void WriteKey(string relative, ECDsa key)
    {
        var path = Write(relative, key.ExportPkcs8PrivateKeyPem() + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    /// <summary>
    /// The standard layout: ca/root.crt, ca/intermediate.crt, certs/server/www.crt (+key), certs/client/app.crt (+key).
    /// Every chain is complete within the repository.
    /// </summary>
    public RepoTree WithPki()
    {
        var root = Ca("Paths Root CA");
        var intermediate = Ca("Paths Intermediate CA", root);
        var server = Leaf("www.acme.test", intermediate);
        var client = Leaf("app.acme.test", intermediate, client: true);
        WriteCert("ca/root.crt", root.Cert);
        WriteCert("ca/intermediate.crt", intermediate.Cert);
        WriteCert("certs/server/www.crt", server.Cert);
        WriteKey("certs/server/www.key", server.Key);
        WriteCert("certs/client/app.crt", client.Cert);
        WriteKey("certs/client/app.key", client.Key);
        return this;
    }

    /// <summary>One run per standpoint: inside the repo (paths as given), from its parent and from the unrelated folder.</summary>
    public Dictionary<string, Run> Everywhere(string[] pathsFromRepo, params string[] options)
    {
        var runs = new Dictionary<string, Run>();
        foreach (var (name, cwd, prefix) in new[] { ("inside", Repo, ""), ("parent", Work, "repo/"), ("elsewhere", Elsewhere, "../repo/") })
        {
            var paths = pathsFromRepo.Length == 0 ? [prefix.Length == 0 ? "." : prefix.TrimEnd('/')]
                : pathsFromRepo.Select(p => p == "." ? (prefix.Length == 0 ? "." : prefix.TrimEnd('/')) : prefix + p).ToArray();
            var sarif = Path.Combine(Output, name + ".sarif");
            var json = Path.Combine(Output, name + ".json");
            var junit = Path.Combine(Output, name + ".xml");
            var outcome = CliRunner.InProcess(cwd, null, [.. paths, "--now", Now, "--sarif", sarif, "--json", json, "--junit", junit, .. options]);
            runs[name] = new Run(outcome, File.Exists(sarif) ? File.ReadAllText(sarif) : null, File.Exists(json) ? File.ReadAllText(json) : null,
                File.Exists(junit) ? File.ReadAllText(junit) : null);
            foreach (var f in new[] { sarif, json, junit }) File.Delete(f);
        }
        return runs;
    }

    /// <summary>Runs from everywhere and asserts identical exit codes, findings and SARIF; returns the run from inside.</summary>
    public Run Same(string[] pathsFromRepo, params string[] options)
    {
        var runs = Everywhere(pathsFromRepo, options);
        var inside = runs["inside"];
        foreach (var (name, run) in runs)
        {
            run.Outcome.ExitCode.ShouldBe(inside.Outcome.ExitCode, $"{name}: {run.Outcome.Out}{run.Outcome.Error}");
            run.Findings.ShouldBe(inside.Findings, name);
            run.Sarif.ShouldBe(inside.Sarif, name);
        }
        return inside;
    }

    public void Dispose()
    {
        foreach (var d in _owned) d.Dispose();
        if (Directory.Exists(Work)) Directory.Delete(Work, recursive: true);
    }

    private T Own<T>(T value) where T : IDisposable
    {
        _owned.Add(value);
        return value;
    }

    private static byte[] Serial() => RandomNumberGenerator.GetBytes(8) is var b && (b[0] &= 0x7F) >= 0 ? b : b;

    /// <summary>One CLI run with the reports it wrote.</summary>
    public sealed record Run(CliRunner.Outcome Outcome, string? Sarif, string? Json, string? JUnit)
    {
        /// <summary>"path rule" for every finding in the JSON report, "(suppressed)" marked, in report order.</summary>
        public string[] Findings => Json is null ? [] : JsonDocument.Parse(Json).RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("path").GetString()} {f.GetProperty("rule").GetString()}{(f.TryGetProperty("suppression", out var s) && s.ValueKind == JsonValueKind.Object ? " (suppressed)" : "")}")
            .ToArray();

        public string[] Unsuppressed => Findings.Where(f => !f.EndsWith("(suppressed)", StringComparison.Ordinal)).ToArray();

        /// <summary>The artifact URIs of the SARIF results.</summary>
        public string[] SarifUris => Sarif is null ? [] : JsonDocument.Parse(Sarif).RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!)
            .ToArray();
    }
}
