using CertLint.Core.Tests.Hostile;
using CertLint.Discovery;
using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Core.Tests.Parsing;

/// <summary>
/// Secret keys of keystores made by keytool (tests/fixtures/secret-keys/make-secret-keys.sh): a JCEKS store's
/// SecretKeyEntry items (Java-serialised SealedObjects, stepped over, never deserialised) and a PKCS#12 secretBag are
/// counted without any password and reported by secret-key-committed as sealed secrets of a tracked file.
/// </summary>
public sealed class JceksSecretKeyTests
{
    private static readonly string Folder = Path.Combine(Fixtures.Directory, "secret-keys");

    private static ParsedFile Parse(string name, IPasswordSource passwords)
    {
        var path = Path.Combine(Folder, name);
        return FileParser.Parse(new SourceFile(path, name, new FileInfo(path).Length, null), passwords);
    }

    [Test]
    public void Committed_keystore_secrets_are_reported_sealed_with_their_alias()
    {
        var findings = BoundedLint.Run(Folder, ".").Of("secret-key-committed")
            .Where(f => !f.Contains(".jwk", StringComparison.Ordinal))
            .Select(f => f.Replace("tests/fixtures/secret-keys/", "", StringComparison.Ordinal)).ToArray();
        findings.ShouldBe([
            "secret.p12:1 secret.p12:1 holds a PKCS#12 secret bag and is tracked by git: anyone with the repository and the keystore's password has the secret.",
            "secrets-uber.bks:1 secrets-uber.bks:1 holds a BKS secret entry \"api-token\" and is tracked by git: anyone with the repository and the key its application sealed it with has the secret.",
            "secrets-uber.bks:1 secrets-uber.bks:1 holds a BKS secret-key entry \"hmac\" and is tracked by git: anyone with the repository and the keystore's password has the secret.",
            "secrets.bks:1 secrets.bks:1 holds a BKS secret entry \"api-token\" and is tracked by git: anyone with the repository and the key its application sealed it with has the secret.",
            "secrets.bks:1 secrets.bks:1 holds a BKS secret-key entry \"hmac\" and is tracked by git: anyone with the repository and the keystore's password has the secret.",
            "secrets.jceks:1 secrets.jceks:1 holds a JCEKS secret-key entry \"aes\" and is tracked by git: anyone with the repository and the keystore's password has the secret.",
            "secrets.jceks:1 secrets.jceks:1 holds a JCEKS secret-key entry \"hmac\" and is tracked by git: anyone with the repository and the keystore's password has the secret.",
        ]);
    }

    [Test]
    public void A_jceks_store_is_walked_past_its_sealed_objects_to_its_certificate_and_digest()
    {
        // keytool keeps entries in a hash table: the trusted certificate lies between or after the secrets.
        var parsed = Parse("secrets.jceks", TestPasswords.None);
        parsed.Issues.ShouldBeEmpty(); // "changeit", the JDK's default, verified the digest: the walk reached it whole
        parsed.Certificates.ShouldHaveSingleItem().Subject.Text.ShouldContain("CertLint Root CA");
        parsed.SecretKeys.Select(k => (k.Label, k.Sealed, k.SizeBits)).Order().ShouldBe([
            ("JCEKS secret-key entry \"aes\"", true, (int?)null), ("JCEKS secret-key entry \"hmac\"", true, null)]);
        parsed.Keystore.ShouldNotBeNull().DefaultPassword.ShouldBeTrue();
    }

    [TestCase(null)]
    [TestCase("not-the-password")]
    public void A_bks_store_s_secret_entries_are_named_sealed_and_never_counted_as_keys(string? password)
    {
        // keytool -genseckey sealed "hmac" (entry type 4 without a chain); BouncyCastle's KeyStore API wrote "api-token"
        // (type 3); "changeit", the JDK's default, verifies the MAC whatever password is given.
        var parsed = Parse("secrets.bks", TestPasswords.With(password));
        parsed.Issues.ShouldBeEmpty();
        parsed.Kind.ShouldBe(FileKind.Bks);
        parsed.Certificates.ShouldHaveSingleItem().Subject.Text.ShouldContain("CertLint Root CA");
        parsed.Keys.ShouldBeEmpty();
        parsed.SecretKeys.Select(k => (k.Label, k.Sealed, k.SizeBits, k.SealedBy, k.Location.StartLine, k.Location.Index)).Order().ShouldBe([
            ("BKS secret entry \"api-token\"", true, (int?)null, "the key its application sealed it with", 1, 1),
            ("BKS secret-key entry \"hmac\"", true, null, "the keystore's password", 1, 2)]);
        var keystore = parsed.Keystore.ShouldNotBeNull();
        (keystore.CertificateCount, keystore.KeyCount, keystore.DefaultPassword).ShouldBe((1, 0, true));
        keystore.Protection.ShouldHaveSingleItem().Description.ShouldStartWith("BKS store MAC");
    }

    [Test]
    public void An_uber_store_opened_by_a_password_yields_its_secrets_and_without_one_nothing()
    {
        // The same three entries under Twofish; "changeit", the JDK's default, opens it without configuration.
        var parsed = Parse("secrets-uber.bks", TestPasswords.None);
        parsed.Issues.ShouldBeEmpty();
        parsed.Certificates.ShouldHaveSingleItem().Subject.Text.ShouldContain("CertLint Root CA");
        parsed.SecretKeys.Select(k => (k.Label, k.Sealed, k.Location.Index)).Order().ShouldBe([
            ("BKS secret entry \"api-token\"", true, 1), ("BKS secret-key entry \"hmac\"", true, 2)]);
        var keystore = parsed.Keystore.ShouldNotBeNull();
        (keystore.Label, keystore.CertificateCount, keystore.KeyCount, keystore.DefaultPassword).ShouldBe(("UBER keystore", 1, 0, true));
        keystore.Protection.ShouldHaveSingleItem().Description.ShouldBe("UBER store encryption (Twofish-CBC, PKCS#12 KDF, 1,269 iterations)");
    }

    [Test]
    public void A_pkcs12_secret_bag_is_counted_whether_or_not_the_store_opens()
    {
        var closed = Parse("secret.p12", TestPasswords.None);
        closed.Issues.ShouldHaveSingleItem().Kind.ShouldBe(ParseIssueKind.PasswordRequired);
        closed.SecretKeys.ShouldHaveSingleItem().Label.ShouldBe("PKCS#12 secret bag");
        var opened = Parse("secret.p12", TestPasswords.With(TestPasswords.FixturePassword));
        opened.Issues.ShouldBeEmpty();
        opened.Keys.ShouldBeEmpty();
        opened.Certificates.ShouldBeEmpty();
        opened.SecretKeys.ShouldHaveSingleItem().Sealed.ShouldBeTrue();
    }

    [Test]
    public void A_sealed_object_cut_short_is_a_parse_error_not_a_hang()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, "secrets.jceks"));
        var at = bytes.AsSpan().IndexOf([(byte)0xAC, (byte)0xED, (byte)0x00, (byte)0x05]);
        using var dir = new CertLint.Tests.Pki.TempDirectory();
        File.WriteAllBytes(dir["cut.jceks"], bytes[..(at + 60)]);
        var parsed = FileParser.Parse(new SourceFile(dir["cut.jceks"], "cut.jceks", at + 60, null), TestPasswords.None);
        parsed.Issues.ShouldHaveSingleItem().Kind.ShouldBe(ParseIssueKind.ParseError);
        parsed.SecretKeys.ShouldBeEmpty();
    }
}
