using CertLint.Configuration;
using CertLint.Findings;
using CertLint.Model;
using CertLint.Parsing;
using CertLint.Rules;
using CertLint.Rules.Compilation;
using CertLint.Rules.Loading;
using CertLint.Tests.Pki;
using static CertLint.Core.Tests.Rules.RuleTestKit;

namespace CertLint.Core.Tests.Rules;

/// <summary>The five custom rules of docs/writing-rules.md, loaded from the doc, run on certificates made now.</summary>
public class DocExampleTests
{
    private static readonly TestCertificate Root = TestPki.CreateRoot("CN=Acme Root");
    private static readonly TestCertificate PartnerCa = Root.IssueCa("CN=Acme Partner CA");
    private static readonly TestCertificate OtherCa = Root.IssueCa("CN=Acme Web CA");

    private static CompiledRule DocRule(string id) => RuleCompiler.Compile(RuleParser.Parse($"docs/{id}.yml", DocExamples.Rule(id)));

    /// <summary>Parses the test certificate with CertLint's own parser, as if found at <paramref name="path"/>.</summary>
    private static CertificateInfo Parsed(TestCertificate cert, string path) =>
        CertificateParser.Parse(cert.Der, new SourceLocation(FileAt(path)), ObjectFormat.Der);

    private static IReadOnlyList<Finding> RunDoc(string id, params CertificateInfo[] certs) => Run(DocRule(id), InventoryOf(certs));

    [Test]
    public void Every_rule_block_in_the_doc_compiles()
    {
        DocExamples.RuleBlocks.Count().ShouldBeGreaterThanOrEqualTo(6);
        foreach (var block in DocExamples.RuleBlocks) Should.NotThrow(() => RuleCompiler.Compile(RuleParser.Parse("doc.yml", block)), block);
    }

    [Test]
    public void Partner_client_certificates_are_issued_by_the_partner_ca()
    {
        var good = Parsed(PartnerCa.Issue("CN=p1", o => o.ClientAuth()), "certs/partners/p1/client.crt");
        var bad = Parsed(OtherCa.Issue("CN=p2", o => o.ClientAuth()), "certs/partners/p2/client.crt");
        var elsewhere = Parsed(OtherCa.Issue("CN=web", o => o.ServerAuth()), "certs/web/server.crt");
        var findings = RunDoc("ACME001", good, bad, elsewhere);
        findings.Single().Subject.ObjectId.ShouldBe(bad.Sha256);
        findings[0].Message.ShouldBe("CN=p2 is issued by 'Acme Web CA', not 'Acme Partner CA'");
    }

    [Test]
    public void Sans_end_in_acme_internal()
    {
        var good = Parsed(OtherCa.Issue("CN=a", o => o.Dns("a.acme.internal", "b.acme.internal")), "a.crt");
        var outside = Parsed(OtherCa.Issue("CN=b", o => o.Dns("b.acme.internal", "b.example.com")), "b.crt");
        var none = Parsed(OtherCa.Issue("CN=c"), "c.crt");
        var findings = RunDoc("ACME002", good, outside, none);
        findings.Select(f => f.Subject.ObjectId).ShouldBe([outside.Sha256, none.Sha256]);
        findings[0].Message.ShouldBe("CN=b names hosts outside .acme.internal: b.acme.internal, b.example.com");
    }

    [Test]
    public void Rsa_keys_are_3072_bits_or_more()
    {
        var small = Parsed(OtherCa.Issue("CN=small", o => o.Rsa(2048)), "small.crt");
        var big = Parsed(OtherCa.Issue("CN=big", o => o.Rsa(3072)), "big.crt");
        var ec = Parsed(OtherCa.Issue("CN=ec", o => o.EcP256()), "ec.crt");
        var findings = RunDoc("ACME003", small, big, ec);
        findings.Single().Subject.ObjectId.ShouldBe(small.Sha256);
        findings[0].Message.ShouldStartWith("CN=small");
        findings[0].Message.ShouldEndWith("RSA 2048 bits, below 3072");
    }

    [Test]
    public void No_certificate_outlives_2027()
    {
        var inside = Parsed(OtherCa.Issue("CN=in", o => o.Valid(TestPki.DefaultNotBefore, new DateTimeOffset(2027, 12, 31, 23, 59, 59, TimeSpan.Zero))), "in.crt");
        var beyond = Parsed(OtherCa.Issue("CN=out", o => o.Valid(TestPki.DefaultNotBefore, new DateTimeOffset(2028, 1, 1, 0, 0, 0, TimeSpan.Zero))), "out.crt");
        var findings = RunDoc("ACME004", inside, beyond);
        findings.Single().Subject.ObjectId.ShouldBe(beyond.Sha256);
        findings[0].Message.ShouldBe("CN=out is valid until 2028-01-01T00:00:00Z, after 2027-12-31");
        findings[0].Severity.ShouldBe(Severity.Warning);
    }

    [Test]
    public void Custom_eku_oid_is_present()
    {
        var good = Parsed(OtherCa.Issue("CN=dev1", o => o.Eku("1.3.6.1.4.1.99999.1", "1.3.6.1.5.5.7.3.2")), "dev1.crt");
        var bad = Parsed(OtherCa.Issue("CN=dev2", o => o.ClientAuth()), "dev2.crt");
        var findings = RunDoc("ACME005", good, bad, Parsed(Root, "root.crt"));
        findings.Single().Subject.ObjectId.ShouldBe(bad.Sha256);
        findings[0].Message.ShouldBe("CN=dev2 has EKU clientAuth, without 1.3.6.1.4.1.99999.1");
    }

    [Test]
    public void The_documented_config_is_valid()
    {
        var config = ConfigLoader.Parse(".certlint.yml", DocExamples.Config, "/repo");
        config.RuleOverrides!.Keys.ShouldBe(["cert-expiring-soon", "validity-too-long", "CL0304"], ignoreOrder: true);
        config.Suppressions!.Single().Expires.ShouldBe(new DateOnly(2027, 6, 30));
    }
}
