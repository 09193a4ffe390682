using System.Security.Cryptography;
using CertLint.Inventory;
using CertLint.Model;
using CertLint.Parsing;
using CertLint.Tests.Pki;

namespace CertLint.Tests.BuiltInRules;

/// <summary>key-mismatch, key-file-permissions, weak-key and weak-signature through the compiled rules.</summary>
public sealed class KeyRuleTests
{
    private const UnixFileMode Owner = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private static readonly TestCertificate Root = TestPki.CreateRoot("Keys Root");

    [Test]
    public void Key_mismatch_fires_on_the_key_the_inventory_paired_by_name()
    {
        var h = new PrimitiveHarness();
        var cert = h.Add(Root.Issue("www.keys.test", o => o.ServerAuth().Dns("www.keys.test")), "server/www.crt");
        var key = h.AddKey(TestKey.Create(TestKeyType.EcP256), "server/www.key", Owner);
        BuiltInRuleRunner.Lint(h, "key-mismatch").ShouldBeEmpty();

        h.Mismatches.Add(new KeyMismatch(key, cert, "same file stem, different public keys"));
        var f = BuiltInRuleRunner.Lint(h, "key-mismatch").ShouldHaveSingleItem();
        f.Subject.Kind.ShouldBe(Findings.SubjectKind.Key);
        f.Location.File.RelativePath.ShouldBe("server/www.key");
        f.Message.ShouldContain("server/www.crt");
        f.Message.ShouldStartWith("same file stem, different public keys (");
    }

    [Test]
    public void Key_file_permissions_fires_on_group_or_world_access_with_the_chmod()
    {
        var h = new PrimitiveHarness();
        h.AddKey(TestKey.Create(TestKeyType.EcP256), "keys/open.key", Owner | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        h.AddKey(TestKey.Create(TestKeyType.EcP256), "keys/closed.key", Owner);
        h.Add(Root, "keys/root.crt");    // certificates may be world-readable

        var f = BuiltInRuleRunner.Lint(h, "key-file-permissions").ShouldHaveSingleItem();
        f.Subject.Kind.ShouldBe(Findings.SubjectKind.File);
        f.Message.ShouldContain("mode 644");
        f.Message.ShouldContain("`chmod 600 keys/open.key`");
    }

    [Test]
    public void Key_file_permissions_can_allow_group_read()
    {
        var h = new PrimitiveHarness();
        h.AddKey(TestKey.Create(TestKeyType.EcP256), "keys/shared.key", Owner | UnixFileMode.GroupRead);
        BuiltInRuleRunner.Lint(h, "key-file-permissions").ShouldHaveSingleItem();
        BuiltInRuleRunner.Lint(h, "key-file-permissions", BuiltInRuleRunner.With("key-file-permissions", null, ("allowGroupRead", true))).ShouldBeEmpty();
    }

    [Test]
    public void Weak_key_fires_on_rsa_1024_certificates_and_keys()
    {
        var h = new PrimitiveHarness();
        var weak = Root.Issue("weak.keys.test", o => o.Rsa(1024));
        h.Add(weak, "server/weak.crt");
        h.AddKey(weak.Key, "server/weak.key", Owner);

        var findings = BuiltInRuleRunner.Lint(h, "weak-key");
        findings.Select(f => f.Location.File.RelativePath).ShouldBe(["server/weak.crt", "server/weak.key"], ignoreOrder: true);
        findings.ShouldAllBe(f => f.Message.Contains("uses a weak RSA 1024 key"));
    }

    [TestCase(TestKeyType.Rsa)]
    [TestCase(TestKeyType.EcP256)]
    [TestCase(TestKeyType.EcP384)]
    [TestCase(TestKeyType.EcP521)]
    [TestCase(TestKeyType.Ed25519)]
    [TestCase(TestKeyType.Ed448)]
    public void Weak_key_accepts_strong_keys(TestKeyType type)
    {
        var h = new PrimitiveHarness();
        var cert = Root.Issue("strong", o => o.Key(type));
        h.Add(cert, "server/strong.crt");
        h.AddKey(cert.Key, "server/strong.key", Owner);
        BuiltInRuleRunner.Lint(h, "weak-key").ShouldBeEmpty();
    }

    [Test]
    public void Weak_key_fires_on_dsa_and_the_minimum_is_a_parameter()
    {
        var h = new PrimitiveHarness();
        using var dsa = DSA.Create(2048);
        h.Keys.Add(new KeyInfo
        {
            Location = new SourceLocation(PrimitiveHarness.File("legacy/dsa.key", Owner)),
            Format = ObjectFormat.Pem,
            Encoding = KeyEncoding.Pkcs8,
            IsPrivate = true,
            PublicKey = SpkiParser.Parse(dsa.ExportSubjectPublicKeyInfo()),
        });
        h.Add(Root.Issue("rsa2048", o => o.Rsa(2048)), "server/rsa.crt");

        BuiltInRuleRunner.Lint(h, "weak-key").ShouldHaveSingleItem().Message.ShouldContain("uses a weak DSA 2048 key");
        BuiltInRuleRunner.Lint(h, "weak-key", BuiltInRuleRunner.With("weak-key", null, ("minRsaBits", 3072L))).Count.ShouldBe(2);
    }

    [Test]
    public void Weak_signature_fires_on_sha1_except_on_self_signed_certificates()
    {
        // .NET will not sign with SHA-1, so these come from samples/make-samples.sh (openssl).
        var h = new PrimitiveHarness();
        h.AddPem(Samples.PathOf("server/sha1-signed.crt"), "server/sha1-signed.crt");
        h.AddPem(Samples.PathOf("ca/legacy-sha1-root.crt"), "ca/legacy-sha1-root.crt");
        h.AddPem(Samples.PathOf("server/www.crt"), "server/www.crt");
        h.Add(TestPki.CreateSelfSigned("md-less.keys.test", o => o.Ed25519()), "server/ed.crt");

        var f = BuiltInRuleRunner.Lint(h, "weak-signature").ShouldHaveSingleItem();
        f.Location.File.RelativePath.ShouldBe("server/sha1-signed.crt");
        f.Message.ShouldContain("ecdsa-with-SHA1");
    }
}
