using CertLint.Configuration;
using CertLint.Findings;
using CertLint.Inventory;
using CertLint.Model;
using CertLint.Parsing;
using CertLint.Rules;
using CertLint.Tests.Pki;

namespace CertLint.Tests.BuiltInRules;

/// <summary>
/// Builds the inputs rules see — parsed certificates, a hand-made inventory, subjects and a context — so primitives
/// can be tested on their own and the compiled built-in rules run through the real evaluator. Certificates are made
/// with TestPki (or read from committed files) and parsed by the real parser.
/// </summary>
internal sealed class PrimitiveHarness
{
    public const string Root = "/scan";

    public List<CertificateInfo> Certificates { get; } = [];
    public List<KeyInfo> Keys { get; } = [];
    public List<KeyMismatch> Mismatches { get; } = [];
    public List<BundleInfo> Bundles { get; } = [];
    public Dictionary<CertificateInfo, ChainResult> Chains { get; } = [];
    public Dictionary<CertificateInfo, CertificateRole> Roles { get; } = [];
    public HashSet<CertificateInfo> SelfSigned { get; } = [];
    public List<string> Hosts { get; } = [];
    public List<PathHosts> HostsByPath { get; } = [];
    public List<PathHosts> MailboxesByPath { get; } = [];
    /// <summary>Files beyond those holding the certificates and keys above (parse issues, keystores, modes).</summary>
    public List<ParsedFile> ExtraFiles { get; } = [];
    public DateTimeOffset Now { get; set; } = TestPki.DefaultNow;

    public static SourceFile File(string relativePath, UnixFileMode? mode = null) =>
        new($"{Root}/{relativePath}", relativePath, 100, mode);

    /// <summary>Parses a test certificate as if it were read from <paramref name="path"/>.</summary>
    public CertificateInfo Add(TestCertificate cert, string path = "cert.pem", CertificateRole role = CertificateRole.Unknown) =>
        Add(cert.Der, File(path), role);

    public CertificateInfo Add(ReadOnlyMemory<byte> der, SourceFile file, CertificateRole role = CertificateRole.Unknown)
    {
        var info = CertificateParser.Parse(der, new SourceLocation(file), ObjectFormat.Pem);
        Certificates.Add(info);
        Roles[info] = role;
        if (info.IsSelfIssued) SelfSigned.Add(info);    // every self-issued test certificate is also self-signed
        return info;
    }

    /// <summary>Parses every CERTIFICATE block of a committed PEM file, reported under <paramref name="relativePath"/>.</summary>
    public List<CertificateInfo> AddPem(string fullPath, string relativePath, CertificateRole role = CertificateRole.Unknown)
    {
        var file = File(relativePath);
        return PemScanner.Scan(System.IO.File.ReadAllBytes(fullPath))
            .Where(b => b.Label == "CERTIFICATE")
            .Select(b => Add(b.Data, file, role))
            .ToList();
    }

    /// <summary>Adds a file the real FileParser read, with everything in it.</summary>
    public ParsedFile AddParsed(ParsedFile file)
    {
        ExtraFiles.Add(file);
        foreach (var cert in file.Certificates)
        {
            Certificates.Add(cert);
            if (cert.IsSelfIssued) SelfSigned.Add(cert);
        }
        Keys.AddRange(file.Keys);
        return file;
    }

    public KeyInfo AddKey(TestKey key, string path = "cert.key", UnixFileMode? mode = null)
    {
        var info = new KeyInfo
        {
            Location = new SourceLocation(File(path, mode)),
            Format = ObjectFormat.Pem,
            Encoding = KeyEncoding.Pkcs8,
            IsPrivate = true,
            PublicKey = SpkiParser.Parse(key.SubjectPublicKeyInfo),
        };
        Keys.Add(info);
        return info;
    }

    public void Chain(CertificateInfo cert, ChainStatus status, params CertificateInfo[] issuers) =>
        Chains[cert] = new ChainResult(status, [cert, .. issuers], status == ChainStatus.Complete ? [] : [$"{status} chain"]);

    public EvaluationContext Context() => new()
    {
        Inventory = new CertificateInventory
        {
            Files = Files(),
            Certificates = Certificates,
            Keys = Keys,
            Anchors = [],
            Pairs = [],
            Mismatches = Mismatches,
            Bundles = Bundles,
            Chains = Chains,
            Roles = Roles,
            SelfSigned = SelfSigned,
        },
        Settings = new LintSettings
        {
            Root = Root,
            Paths = [Root],
            Now = Now,
            Hosts = Hosts,
            HostsByPath = HostsByPath,
            MailboxesByPath = MailboxesByPath,
        },
    };

    /// <summary>One ParsedFile per path holding the certificates and keys, plus <see cref="ExtraFiles"/>.</summary>
    private List<ParsedFile> Files()
    {
        var extra = ExtraFiles.Select(f => f.File.RelativePath).ToHashSet();
        var byPath = Certificates.Select(c => (c.Location.File, (object)c)).Concat(Keys.Select(k => (k.Location.File, (object)k)))
            .Where(x => !extra.Contains(x.File.RelativePath))
            .GroupBy(x => x.File.RelativePath)
            .Select(g => new ParsedFile
            {
                File = g.First().File,
                Kind = FileKind.Pem,
                Certificates = g.Select(x => x.Item2).OfType<CertificateInfo>().ToArray(),
                Keys = g.Select(x => x.Item2).OfType<KeyInfo>().ToArray(),
            });
        return byPath.Concat(ExtraFiles).OrderBy(f => f.File.RelativePath, StringComparer.Ordinal).ToList();
    }

    public static RuleSubject Subject(CertificateInfo cert) => new()
    {
        Object = new CheckedObject(SubjectKind.Certificate, cert.Sha256, cert.Label, cert.Location),
        File = new ParsedFile { File = cert.Location.File, Certificates = [cert] },
        Certificate = cert,
    };

    public static RuleSubject Subject(KeyInfo key) => new()
    {
        Object = new CheckedObject(SubjectKind.Key, key.Fingerprint, key.Label, key.Location),
        File = new ParsedFile { File = key.Location.File, Keys = [key] },
        Key = key,
    };

    public static RuleSubject Subject(ParsedFile file) => new()
    {
        Object = new CheckedObject(SubjectKind.File, file.File.RelativePath, file.File.RelativePath, new SourceLocation(file.File)),
        File = file,
    };

    /// <summary>Runs a primitive with its declared defaults, overridden by <paramref name="with"/>.</summary>
    public List<Violation> Run(ICheckPrimitive primitive, RuleSubject subject, params (string Name, object? Value)[] with)
    {
        var values = primitive.Parameters.ToDictionary(p => p.Name, p => p.Default);
        foreach (var (name, value) in with)
        {
            primitive.Parameters.ShouldContain(p => p.Name == name, $"{primitive.Name} declares no parameter {name}");
            values[name] = value;
        }
        return primitive.Check(subject, new PrimitiveArguments(values), Context()).ToList();
    }
}
