using BenchmarkDotNet.Attributes;
using CertLint.Configuration;
using CertLint.Discovery;
using CertLint.Engine;
using CertLint.Inventory;
using CertLint.Model;
using CertLint.Parsing;
using CertLint.Rules;
using CertLint.Rules.Evaluation;

namespace CertLint.Benchmarks;

/// <summary>
/// Micro-benchmarks of the hot paths on a generated corpus of 1,000 certificates with their keys:
/// PEM scan, DER parse, key pairing, inventory (issuer index, signatures, chains), rule evaluation.
/// Run: dotnet run -c Release --project bench/CertLint.Benchmarks -- --filter '*HotPath*'
/// </summary>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private string _dir = "";
    private LintSettings _settings = null!;
    private RuleCatalog _catalog = null!;
    private IReadOnlyList<SourceFile> _files = [];
    private byte[][] _pems = [];
    private ReadOnlyMemory<byte>[] _ders = [];
    private IReadOnlyList<ParsedFile> _parsed = [];
    private CertificateInventory _inventory = null!;
    private SettingsPasswordSource _passwords = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "certlint-bdn-corpus");
        if (!Directory.Exists(_dir)) CorpusGenerator.Generate(_dir, 1000, new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var request = new LintRequest { Paths = [_dir], WorkingDirectory = _dir, Now = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero) };
        _settings = SettingsResolver.Resolve(request, TimeProvider.System);
        _catalog = RuleCatalog.Load(_settings);
        _files = FileDiscovery.Discover(_settings).Files;
        _passwords = new SettingsPasswordSource(_settings);
        _pems = _files.Where(f => f.FullPath.EndsWith(".crt", StringComparison.Ordinal)).Select(f => File.ReadAllBytes(f.FullPath)).ToArray();
        _ders = _pems.Select(p => PemScanner.Scan(p)[0].Data).ToArray();
        _parsed = FileParser.ParseAll(_files, _passwords);
        _inventory = InventoryBuilder.Build(_parsed, [], _settings);
    }

    [Benchmark]
    public int PemScan()
    {
        var n = 0;
        foreach (var pem in _pems) n += PemScanner.Scan(pem).Count;
        return n;
    }

    [Benchmark]
    public int DerParse()
    {
        var n = 0;
        var location = new SourceLocation(_files[0]);
        foreach (var der in _ders) n += CertificateParser.Parse(der, location, ObjectFormat.Pem).Version;
        return n;
    }

    [Benchmark]
    public int ReadAndParseFiles() => FileParser.ParseAll(_files, _passwords).Count;

    [Benchmark]
    public int KeyPairing() => CertLint.Inventory.KeyPairing.Pairs(_inventory.Keys, _inventory.Certificates).Count;

    [Benchmark]
    public int InventoryWithPathBuilding() => InventoryBuilder.Build(_parsed, [], _settings).Chains.Count;

    [Benchmark]
    public int RuleEvaluation() =>
        RuleEvaluator.Evaluate(_inventory, _catalog.InForce, new EvaluationContext { Inventory = _inventory, Settings = _settings }).Findings.Count;
}
