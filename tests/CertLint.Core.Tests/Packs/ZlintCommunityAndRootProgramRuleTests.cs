using CertLint.Rules.Loading;

namespace CertLint.Tests.Packs;

/// <summary>
/// The rules that name zlint's community, Mozilla and Apple lints (packs community and root-programs, and the
/// community DNS/validity/exponent defects in rfc5280): every failing fixture yields exactly one finding of its rule, on
/// the certificate under test (the file's first), and the issuers after it none; passing fixtures none. Stricter than
/// PackRuleTests, which asks only whether the rule fired somewhere in the file.
/// </summary>
public sealed class ZlintCommunityAndRootProgramRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Rfc5280Rules =
    [
        "san-dns-nul", "ian-dns-nul", "san-dns-leading-period", "ian-dns-leading-period", "san-dns-bare-wildcard",
        "ian-dns-bare-wildcard", "san-dns-wildcard-not-first", "ian-dns-wildcard-not-first", "validity-not-positive",
        "rsa-exponent-negative",
    ];

    public static IEnumerable<TestCaseData> FailFixtures() =>
        RuleLoader.LoadBuiltIn()
            .Where(r => r.Descriptor.Pack is "community" or "root-programs" || Rfc5280Rules.Contains(r.Name))
            .SelectMany(r => Directory.GetFiles(Dir(r.Descriptor.Pack, r.Name, "fail"), "*.pem").Order(StringComparer.Ordinal)
                .Select(f => new TestCaseData(r.Descriptor.Pack, r.Name, Path.GetFileName(f)).SetName($"{r.Name} fires once on {Path.GetFileName(f)}")));

    [TestCaseSource(nameof(FailFixtures))]
    public void Fires_once_on_the_certificate_under_test(string pack, string rule, string file)
    {
        var findings = Lint(pack, rule, "fail", file);
        findings.Count.ShouldBe(1, string.Join("; ", findings.Select(f => f.Message)));
        findings[0].Subject.Location.StartLine.ShouldBe(1);
    }

    [TestCase("community", "serial-low-entropy", "serial-low-entropy.pem",
        "CN=leaf.example.com has the serial number 123456789ABCDEF0: 64 bits or fewer, at the edge of the BR minimum of 64 random bits.")]
    [TestCase("community", "serial-low-entropy", "serial-low-entropy-2.pem",
        "CN=leaf.example.com has the serial number 9A9A9A9A9A9A9A9A: 64 bits or fewer, at the edge of the BR minimum of 64 random bits.")]
    [TestCase("root-programs", "apple-server-validity-398", "apple-server-validity-398.pem",
        "CN=leaf.example.com is valid for 34387200 + 1 seconds: Apple rejects TLS server certificates issued since 2020-09-01 valid for more than 398 days (34387200 seconds).")]
    [TestCase("root-programs", "apple-server-validity-397", "apple-server-validity-397.pem",
        "CN=leaf.example.com is valid for 34300800 + 1 seconds: Apple recommends at most 397 days (34300800 seconds) for TLS server certificates.")]
    public void Says_why(string pack, string rule, string file, string message) =>
        Lint(pack, rule, "fail", file).Select(f => f.Message).ShouldBe([message]);

    [TestCase("community", "san-dns-duplicate", "CN=leaf.example.com (serial ", "): subjectAltName lists leaf.example.com more than once.")]
    // RFC 4514 escapes a value's trailing space as "\ ".
    [TestCase("community", "issuer-dn-trailing-whitespace", "CN=Example CA,O=Example Corp\\ ", ": an attribute of the issuer DN CN=Example CA,O=Example Corp\\  has trailing whitespace.")]
    [TestCase("root-programs", "mozilla-sub-ca-eku", "CN=CertLint Root Programs Sub CA (serial ", "it has (none).")]
    public void Names_the_defect(string pack, string rule, string start, string end)
    {
        var message = Lint(pack, rule, "fail", $"{rule}.pem").Single().Message;
        message.ShouldStartWith(start);
        message.ShouldEndWith(end);
    }

    private static string Dir(string pack, string rule, string outcome) => Core.Tests.BuiltInRules.RuleFixtureLint.Folder(pack, rule, outcome);

    private static List<Findings.Finding> Lint(string pack, string rule, string outcome, string file) =>
        [.. Core.Tests.BuiltInRules.RuleFixtureLint.Run(pack, rule, outcome, file, Now).Findings.Where(f => f.Rule.Name == rule)];
}
