using CertLint.Configuration;
using CertLint.Findings;
using CertLint.Inventory;
using CertLint.Model;
using CertLint.Rules;
using CertLint.Rules.Compilation;
using CertLint.Rules.Evaluation;
using CertLint.Rules.Loading;

namespace CertLint.Core.Tests.Rules;

/// <summary>Builds model objects by hand and runs rule text against them, for the rule-language tests.</summary>
internal static class RuleTestKit
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static DistinguishedName Dn(params (string Short, string Value)[] parts)
    {
        var attrs = parts.Select(p => new DnAttribute(
            CertLint.Rules.Fields.Names.DnAttributes.First(kv => kv.Key.Equals(p.Short, StringComparison.OrdinalIgnoreCase)).Value,
            p.Short.ToUpperInvariant(), p.Value)).ToArray();
        var text = string.Join(",", attrs.Reverse().Select(a => $"{a.ShortName}={a.Value}"));
        return new DistinguishedName(Array.Empty<byte>(), attrs, text, text.ToLowerInvariant());
    }

    public static SourceFile FileAt(string path, UnixFileMode? mode = null) => new("/scan/" + path, path, 100, mode);

    public static CertificateInfo Cert(
        string cn = "client.acme.internal", string issuerCn = "Partner CA", string path = "certs/client.crt",
        DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null, bool ca = false,
        KeyAlgorithm alg = KeyAlgorithm.Rsa, int bits = 2048, string? curve = null,
        IReadOnlyList<string>? dns = null, IReadOnlyList<string>? eku = null, KeyUsageFlags? keyUsage = null,
        string hash = "SHA256", IReadOnlyList<ExtensionInfo>? extensions = null, string sha256 = "ab01", string? issuerO = null)
    {
        var issuer = issuerO is null ? Dn(("cn", issuerCn)) : Dn(("o", issuerO), ("cn", issuerCn));
        return new CertificateInfo
        {
            Location = new SourceLocation(FileAt(path), 1, 20),
            Format = ObjectFormat.Pem,
            Raw = Array.Empty<byte>(),
            TbsRaw = Array.Empty<byte>(),
            Version = 3,
            SerialNumber = "01",
            Subject = Dn(("cn", cn)),
            Issuer = issuer,
            NotBefore = notBefore ?? Now.AddDays(-30),
            NotAfter = notAfter ?? Now.AddDays(300),
            PublicKey = new PublicKeyInfo(alg, "1.2.840.113549.1.1.1", bits, null, curve, Array.Empty<byte>(), "spki-" + sha256),
            Signature = new SignatureInfo("1.2.840.113549.1.1.11", "sha256WithRSAEncryption", hash, Array.Empty<byte>(), Array.Empty<byte>()),
            Extensions = extensions ?? [],
            SubjectAltNames = dns is null ? null : new SubjectAltNames(dns, [], [], []),
            ExtendedKeyUsage = eku,
            KeyUsage = keyUsage,
            BasicConstraints = ca ? new BasicConstraints(true, null, true) : null,
            Sha256 = sha256,
            Sha1 = "sha1-" + sha256,
        };
    }

    public static CertificateInventory InventoryOf(params CertificateInfo[] certs) => InventoryOf(certs, [], null);

    public static CertificateInventory InventoryOf(IReadOnlyList<CertificateInfo> certs, IReadOnlyList<KeyInfo> keys,
        IReadOnlyDictionary<CertificateInfo, CertificateRole>? roles, IReadOnlyList<ParsedFile>? extraFiles = null)
    {
        var files = certs.Select(c => (c.Location.File, Cert: (object)c)).Concat(keys.Select(k => (k.Location.File, Cert: (object)k)))
            .GroupBy(x => x.File.RelativePath)
            .Select(g => new ParsedFile
            {
                File = g.First().File,
                Kind = FileKind.Pem,
                Certificates = g.Select(x => x.Cert).OfType<CertificateInfo>().ToArray(),
                Keys = g.Select(x => x.Cert).OfType<KeyInfo>().ToArray(),
            })
            .Concat(extraFiles ?? [])
            .OrderBy(f => f.File.RelativePath, StringComparer.Ordinal)
            .ToArray();
        return new CertificateInventory
        {
            Files = files,
            Certificates = certs,
            Keys = keys,
            Anchors = [],
            Pairs = [],
            Mismatches = [],
            Bundles = [],
            Chains = new Dictionary<CertificateInfo, ChainResult>(),
            Roles = roles ?? new Dictionary<CertificateInfo, CertificateRole>(),
            SelfSigned = new HashSet<CertificateInfo>(),
        };
    }

    public static LintSettings Settings(IReadOnlyList<SuppressionEntry>? suppressions = null) => new()
    {
        Root = "/scan",
        Paths = ["/scan"],
        Now = Now,
        Suppressions = suppressions ?? [],
    };

    public static EvaluationContext Context(CertificateInventory inventory, LintSettings? settings = null) =>
        new() { Inventory = inventory, Settings = settings ?? Settings() };

    /// <summary>A rule file around a check (and optional where/parameters/message), as YAML text.</summary>
    public static string RuleYaml(string check, string? where = null, string? extra = null) =>
        "id: TST0001\nname: test-rule\ntitle: Test rule\nseverity: error\n" +
        (where is null ? "" : "where:\n" + Indent(where)) +
        "check:\n" + Indent(check) + (extra ?? "");

    public static CompiledRule Compile(string yaml, IReadOnlyDictionary<string, object?>? overrides = null, PrimitiveRegistry? registry = null) =>
        RuleCompiler.Compile(RuleParser.Parse("test.yml", yaml), overrides, registry);

    /// <summary>Findings of one rule on the given certificates.</summary>
    public static IReadOnlyList<Finding> Run(string yaml, params CertificateInfo[] certs) => Run(Compile(yaml), InventoryOf(certs));

    public static IReadOnlyList<Finding> Run(CompiledRule rule, CertificateInventory inventory, LintSettings? settings = null) =>
        RuleEvaluator.Evaluate(inventory, [rule], Context(inventory, settings)).Findings;

    /// <summary>True when the check fires on the certificate (one finding).</summary>
    public static bool Fires(string check, CertificateInfo cert, string? where = null) =>
        Run(RuleYaml(check, where), cert).Count > 0;

    private static string Indent(string block) =>
        string.Join("", block.TrimEnd('\n').Split('\n').Select(l => "  " + l + "\n"));
}
