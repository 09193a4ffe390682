using System.Security.Cryptography.X509Certificates;
using CertLint.Engine;
using CertLint.Tests.Pki;

namespace CertLint.Tests.Rfc5280;

/// <summary>
/// aki-not-issuer-ski and the `signer.*` fields through the real engine on files written now: the signer is found by
/// issuer name and signature, key identifiers ignored, among the scan and the --ca anchors.
/// </summary>
public sealed class SignerRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly byte[] OtherKeyId = [.. Enumerable.Range(1, 20).Select(i => (byte)i)];

    private TempDirectory _dir = null!;

    [SetUp]
    public void MakeDir()
    {
        _dir = new TempDirectory();
        Directory.CreateDirectory(_dir[".git"]); // the repository root: report paths are relative to it
    }

    [TearDown]
    public void RemoveDir() => _dir.Dispose();

    private static Action<CertOptions> Server(byte[]? akiKeyId = null) => o =>
    {
        o.ServerAuth().Dns("api.acme.test").Valid(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        if (akiKeyId is not null) o.NoAuthorityKeyIdentifier().Extension(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(akiKeyId));
    };

    /// <summary>"file rule" of every finding of the core and rfc5280 packs (the run-level role-unknown note left out), sorted.</summary>
    private string[] Lint(string[] paths, params string[] caFiles)
    {
        var result = new LintEngine().Run(new LintRequest
        {
            WorkingDirectory = _dir.Path,
            Paths = paths,
            CaFiles = caFiles,
            Now = Now,
            Packs = ["core", "rfc5280"],
            Environment = _ => null,
        });
        return [.. result.Findings.Where(f => f.Rule.Name != "role-unknown")
            .Select(f => $"{f.Location.File.RelativePath} {f.Rule.Name}").Order(StringComparer.Ordinal)];
    }

    private string MessageOf(string rule) => new LintEngine().Run(new LintRequest
    {
        WorkingDirectory = _dir.Path, Paths = ["."], Now = Now, Packs = ["core", "rfc5280"], Environment = _ => null,
    }).Findings.Single(f => f.Rule.Name == rule).Message;

    [Test]
    public void A_leaf_whose_aki_is_not_its_signers_ski_fires_once_beside_chain_incomplete()
    {
        var root = TestPki.CreateRoot("Acme Root");
        TestPki.WritePem(_dir.Path, "certs/api.pem", root.Issue("api.acme.test", Server(OtherKeyId)));
        TestPki.WritePem(_dir.Path, "ca/root.pem", root);

        // The path builder follows the AKI and finds no issuer (as OpenSSL does); the profile rule names the wrong identifier.
        Lint(["."]).ShouldBe(["certs/api.pem aki-not-issuer-ski", "certs/api.pem chain-incomplete"]);
        MessageOf("aki-not-issuer-ski").ShouldBe(
            $"CN=api.acme.test (serial {Serial(_dir["certs/api.pem"])}, SHA-256 {ShortSha(_dir["certs/api.pem"])}): its authorityKeyIdentifier " +
            $"{Convert.ToHexString(OtherKeyId)} is not the subjectKeyIdentifier {Convert.ToHexString(root.SubjectKeyId!)} of CN=Acme Root, whose key signed it.");
    }

    [Test]
    public void A_leaf_whose_aki_is_its_signers_ski_is_clean()
    {
        var root = TestPki.CreateRoot("Acme Root");
        var inter = root.IssueCa("Acme Issuing CA");
        TestPki.WritePem(_dir.Path, "certs/fullchain.pem", inter.Issue("api.acme.test", Server()), inter);
        TestPki.WritePem(_dir.Path, "ca/root.pem", root);

        Lint(["."]).ShouldBeEmpty();
    }

    [Test]
    public void The_signer_is_found_by_signature_among_ca_certificates_of_the_same_name()
    {
        // A re-keyed CA: two certificates named "Acme CA"; the leaf is signed by the new key but names the old one.
        var oldCa = TestPki.CreateRoot("Acme CA");
        var newCa = TestPki.CreateRoot("Acme CA");
        TestPki.WritePem(_dir.Path, "certs/api.pem", newCa.Issue("api.acme.test", Server(oldCa.SubjectKeyId)));
        TestPki.WritePem(_dir.Path, "ca/old.pem", oldCa);
        TestPki.WritePem(_dir.Path, "ca/new.pem", newCa);

        Lint(["."]).ShouldBe(["certs/api.pem aki-not-issuer-ski", "certs/api.pem chain-invalid"]);
        MessageOf("aki-not-issuer-ski").ShouldContain($"is not the subjectKeyIdentifier {Convert.ToHexString(newCa.SubjectKeyId!)} of CN=Acme CA");
    }

    [Test]
    public void A_trust_anchor_outside_the_scan_is_a_signer_too()
    {
        var root = TestPki.CreateRoot("Acme Root");
        TestPki.WritePem(_dir.Path, "certs/api.pem", root.Issue("api.acme.test", Server(OtherKeyId)));
        TestPki.WritePem(_dir.Path, "trust/root.pem", root);

        Lint(["certs"], "trust/root.pem").ShouldBe(["certs/api.pem aki-not-issuer-ski", "certs/api.pem chain-incomplete"]);
    }

    [Test]
    public void Without_a_certificate_whose_key_verifies_the_signature_the_rule_does_not_apply()
    {
        var root = TestPki.CreateRoot("Acme Root");
        var impostor = TestPki.CreateRoot("Acme Root"); // same name, another key: not the signer
        TestPki.WritePem(_dir.Path, "certs/api.pem", root.Issue("api.acme.test", Server(OtherKeyId)));
        TestPki.WritePem(_dir.Path, "ca/impostor.pem", impostor);

        Lint(["."]).ShouldBe(["certs/api.pem chain-incomplete"]);
    }

    private static string Serial(string pem) => X509Certificate2.CreateFromPem(File.ReadAllText(pem)).SerialNumber;

    private static string ShortSha(string pem) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(X509Certificate2.CreateFromPem(File.ReadAllText(pem)).RawData))[..16];
}
