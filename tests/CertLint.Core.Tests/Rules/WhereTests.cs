using CertLint.Findings;
using CertLint.Inventory;
using CertLint.Model;
using CertLint.Rules.Evaluation;
using static CertLint.Core.Tests.Rules.RuleTestKit;

namespace CertLint.Core.Tests.Rules;

/// <summary>The `where:` selector decides applicability: no check, no finding, for subjects it excludes.</summary>
public class WhereTests
{
    private const string AlwaysFails = "field: key.size\nmin: 100000";

    private static string[] Hits(string where, CertificateInventory inventory)
    {
        var rule = Compile(RuleYaml(AlwaysFails, where));
        var result = RuleEvaluator.Evaluate(inventory, [rule], Context(inventory));
        result.Checks.Count.ShouldBe(result.Findings.Count, "every applicable subject fails this check");
        return result.Findings.Select(f => f.Subject.ObjectId).ToArray();
    }

    [Test]
    public void Leaf_true_and_false_split_end_entities_from_cas()
    {
        var leaf = Cert(sha256: "leaf", path: "a.crt");
        var ca = Cert(sha256: "ca", path: "b.crt", ca: true);
        Hits("leaf: true", InventoryOf(leaf, ca)).ShouldBe(["leaf"]);
        Hits("leaf: false", InventoryOf(leaf, ca)).ShouldBe(["ca"]);
    }

    [Test]
    public void Role_comes_from_the_inventory()
    {
        var client = Cert(sha256: "c", path: "a.crt");
        var server = Cert(sha256: "s", path: "b.crt");
        var other = Cert(sha256: "u", path: "c.crt");
        var roles = new Dictionary<CertificateInfo, CertificateRole> { [client] = CertificateRole.Client, [server] = CertificateRole.Server };
        var inventory = InventoryOf([client, server, other], [], roles);
        Hits("role: client", inventory).ShouldBe(["c"]);
        Hits("role: [server, unknown]", inventory).ShouldBe(["s", "u"]);
    }

    [Test]
    public void Paths_and_excludePaths_are_globs_from_the_scan_root()
    {
        var partner = Cert(sha256: "p", path: "certs/partners/acme/client.crt");
        var other = Cert(sha256: "o", path: "certs/web/server.crt");
        Hits("paths: [\"certs/partners/**\"]", InventoryOf(partner, other)).ShouldBe(["p"]);
        Hits("excludePaths: \"**/partners/**\"", InventoryOf(partner, other)).ShouldBe(["o"]);
    }

    [Test]
    public void Match_is_an_assertion_selector()
    {
        var partner = Cert(sha256: "p", path: "a.crt", issuerCn: "Partner CA");
        var other = Cert(sha256: "o", path: "b.crt", issuerCn: "Web CA");
        Hits("match: { field: issuer.cn, equals: Partner CA }", InventoryOf(partner, other)).ShouldBe(["p"]);
    }

    [Test]
    public void Kind_selects_keys_and_files()
    {
        var key = new KeyInfo
        {
            Location = new SourceLocation(FileAt("k.key")),
            Format = ObjectFormat.Pem,
            Encoding = KeyEncoding.Pkcs8,
            IsPrivate = true,
            PublicKey = new PublicKeyInfo(KeyAlgorithm.Rsa, "1.2.840.113549.1.1.1", 1024, null, null, Array.Empty<byte>(), "keyfp"),
        };
        var inventory = InventoryOf([Cert(sha256: "c", path: "a.crt")], [key], null);
        var keyRule = Compile(RuleYaml("field: key.size\nmin: 2048", "kind: key"));
        var result = RuleEvaluator.Evaluate(inventory, [keyRule], Context(inventory));
        result.Findings.Single().Subject.Kind.ShouldBe(SubjectKind.Key);
        result.Findings[0].Subject.ObjectId.ShouldBe("keyfp");

        var fileRule = Compile(RuleYaml("field: file.path\npattern: '\\.crt$'", "kind: file"));
        var files = RuleEvaluator.Evaluate(inventory, [fileRule], Context(inventory));
        files.Checks.Select(c => c.Subject.ObjectId).ShouldBe(["a.crt", "k.key"]);
        files.Findings.Single().Subject.ObjectId.ShouldBe("k.key");
    }
}
