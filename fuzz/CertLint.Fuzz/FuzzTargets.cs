using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Text;
using CertLint.Configuration;
using CertLint.Engine;
using CertLint.Model;
using CertLint.Parsing;
using CertLint.Rules.Loading;

namespace CertLint.Fuzz;

/// <summary>
/// The fuzz targets. Each feeds one input to a part of the engine that reads files a pull request controls and lets
/// only the exceptions that part documents pass (the ones the engine turns into findings or usage errors); any other
/// exception, a crash or a hang is a bug. The test suite replays tests/fuzz-regressions/HARNESS/* through these.
/// </summary>
public static class FuzzTargets
{
    /// <summary>sniff-pem, der, pkcs, yaml, config, baseline, ocsp.</summary>
    public static readonly IReadOnlyList<string> Harnesses = ["sniff-pem", "der", "pkcs", "yaml", "config", "baseline", "ocsp"];

    /// <summary>Key derivation in fuzzing stays cheap: counts above this are refused, as a lowered limit would.</summary>
    private const long FuzzKdfLimit = 4096;
    private const long FuzzKdfBudget = 16 * FuzzKdfLimit;

    // Properties, not static fields: nothing from the instrumented engine may run before SharpFuzz has set up AFL's
    // shared memory (a static constructor would, and crash the fork server).
    private static SourceFile File => new("/fuzz/input", "input", 0, null);
    private static SourceLocation Location => new(File);
    private static IReadOnlyList<string> EmptyPassword => [""];

    public static void Run(string harness, byte[] input)
    {
        switch (harness)
        {
            case "sniff-pem": SniffAndPem(input); break;
            case "der": Der(input); break;
            case "pkcs": Pkcs(input); break;
            case "yaml": Yaml(input); break;
            case "config": ConfigTarget.Run(input, new Passwords()); break;
            case "baseline": BaselineTarget.Run(input); break;
            case "ocsp": OcspTarget.Run(input); break;
            default: throw new ArgumentException($"unknown harness '{harness}'; use {string.Join(", ", Harnesses)}", nameof(harness));
        }
    }

    /// <summary>The content sniffer and PEM scanner, then the whole content parser (which never throws).</summary>
    private static void SniffAndPem(byte[] input)
    {
        DerSniffer.Sniff(input);
        foreach (var block in PemScanner.Scan(input))
        {
            if (block.StartLine < 1 || block.EndLine < block.StartLine) throw new InvalidDataException("PEM block with impossible lines");
        }
        ContentParser.Parse(File, (byte[])input.Clone(), new Passwords());
    }

    /// <summary>The DER certificate, CRL and key parsers, each on the same bytes.</summary>
    private static void Der(byte[] input)
    {
        Expect(() => CertificateParser.Parse(input, Location, ObjectFormat.Der));
        Expect(() => CrlParser.Parse(input, Location));
        Expect(() => KeyParser.ParseDer((byte[])input.Clone(), Location, EmptyPassword, Meter()));
    }

    /// <summary>PKCS#7 bundles, PKCS#12 keystores (empty password, low iteration limit), JKS, JCEKS and BKS keystores.</summary>
    private static void Pkcs(byte[] input)
    {
        Expect(() => Pkcs7Parser.Parse(input, Location));
        Expect(() => Pkcs12Parser.Parse((byte[])input.Clone(), Location, EmptyPassword, Meter()));
        Expect(() => PbeInspector.InspectPfx(input));
        // Java keystores: the walk does not check the magic, so the fuzzer need not find it first.
        Expect(() => JksParser.Parse((byte[])input.Clone(), Location, EmptyPassword, new Collector(File, new Passwords())));
        Expect(() => JceksParser.Parse(input, Location, EmptyPassword, new Collector(File, new Passwords())));
        Expect(() => BksParser.Parse((byte[])input.Clone(), Location, EmptyPassword, Meter(), new Collector(File, new Passwords())));
    }

    /// <summary>The `.certlint.yml` and rule file loaders: any mistake must be a ConfigurationException (file:line:col).</summary>
    private static void Yaml(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        try
        {
            ConfigLoader.Parse("fuzz.yml", text, Path.GetTempPath());
        }
        catch (UserErrorException)
        {
            // a config error: expected
        }
        try
        {
            RuleParser.Parse("fuzz.yml", text);
        }
        catch (UserErrorException)
        {
            // a rule error: expected
        }
    }

    /// <summary>Runs a parser; the exceptions the engine turns into parse-error findings are expected.</summary>
    private static void Expect(Action parse)
    {
        try
        {
            parse();
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException or ArgumentException or FormatException
                                       or OverflowException or InvalidOperationException or NotSupportedException
                                       or PasswordRequiredException or KdfLimitException or DecryptedButCorruptException)
        {
            // documented failure: becomes a finding
        }
    }

    private sealed class Passwords : IPasswordSource
    {
        public IReadOnlyList<string> CandidatesFor(SourceFile file) => EmptyPassword;
        public string HintFor(SourceFile file) => "";
        public long MaxKdfIterations => FuzzKdfLimit;
        // A fresh budget per file parsed (one Collector reads it once): each execution stays small.
        public KdfBudget KdfBudget => new(FuzzKdfBudget);
    }

    /// <summary>One execution's key derivations: a few at the low iteration limit, then KdfLimitException.</summary>
    private static KdfMeter Meter() => KdfMeter.Paying(FuzzKdfLimit, new KdfBudget(FuzzKdfBudget));
}
