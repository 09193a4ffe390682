using CertLint.Inventory;
using CertLint.Model;
using CertLint.Parsing;
using CertLint.Tests.Pki;

namespace CertLint.Tests.Inventory;

/// <summary>
/// Signatures the BCL cannot make or check (RSA-PSS with non-default parameters, SHA-224), made by the openssl CLI
/// (installed by .ci/run) and verified through the BouncyCastle fallback. Self-signed: the certificate's own key checks it.
/// </summary>
public sealed class OpenSslSignatureTests
{
    [TestCase("rsa:2048", "-sha256 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:32", TestName = "RSA-PSS SHA-256 salt 32 (BCL)")]
    [TestCase("rsa:2048", "-sha256 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:20 -sigopt rsa_mgf1_md:sha1", TestName = "RSA-PSS SHA-256 MGF1-SHA-1 salt 20")]
    [TestCase("rsa:2048", "-sha512 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:0", TestName = "RSA-PSS SHA-512 salt 0")]
    [TestCase("rsa:2048", "-sha224", TestName = "RSA PKCS#1 SHA-224")]
    [TestCase("ec -pkeyopt ec_paramgen_curve:P-256", "-sha224", TestName = "ECDSA SHA-224")]
    public void Self_signature_made_by_openssl_verifies(string newKey, string signing)
    {
        using var dir = new TempDirectory();
        var cert = dir["cert.pem"];
        OpenSslCli.Run($"req -x509 -newkey {newKey} -nodes -keyout {dir["key.pem"]} -subj /CN=openssl-made -days 30000 {signing} -out {cert}");

        var source = new SourceFile(cert, "cert.pem", new FileInfo(cert).Length, null);
        var parsed = FileParser.Parse(source, new SettingsPasswordSource(Settings(dir.Path)));
        parsed.Issues.ShouldBeEmpty();
        var inventory = InventoryBuilder.Build([parsed], [], Settings(dir.Path));

        inventory.SelfSigned.ShouldHaveSingleItem();

        // And a flipped signature byte is caught on the same path.
        var der = parsed.Certificates[0].Raw.ToArray();
        der[^1] ^= 1;
        new TestScan().Raw("tampered.pem", der).Build().SelfSigned.ShouldBeEmpty();
    }

    private static Configuration.LintSettings Settings(string root) => new() { Root = root, Paths = [root], Now = TestPki.DefaultNow };
}
