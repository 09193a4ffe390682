using System.Formats.Asn1;
using CertLint.Model;
using CertLint.Parsing;
using CertLint.Tests.Pki;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Core.Tests.Parsing;

/// <summary>
/// `openssl pkcs12 -macalg` writes integrity MACs over digests .NET's Pkcs12Info.VerifyMac does not know (SHA-224,
/// SHA-512/224, SHA-512/256); they were a parse-error ("... is not a known hash algorithm"). Now they open with the
/// right password and are password-required with a wrong one, as openssl treats them. An unknown digest is a
/// parse-error that names it. PBMAC1 (RFC 9579) is <see cref="Pkcs12Pbmac1Tests"/>'s.
/// </summary>
public sealed class Pkcs12MacTests
{
    private const string Password = "s3cret";

    [TestCase("sha224")]
    [TestCase("sha512-224")]
    [TestCase("sha512-256")]
    public void A_mac_over_a_digest_dotnet_does_not_know_is_verified(string digest)
    {
        using var dir = new TempDirectory();
        var source = OpenSslPkcs12(dir.Path, digest);

        var opened = FileParser.Parse(source, TestPasswords.With(Password));
        opened.Issues.ShouldBeEmpty();
        opened.Certificates.ShouldHaveSingleItem();
        opened.Keys.ShouldHaveSingleItem().PublicKey!.Sha256.ShouldBe(opened.Certificates[0].PublicKey.Sha256);
        opened.Keystore!.Protection.Select(p => p.Description).ShouldContain($"HMAC-{Digests[digest]} MAC, 1,000 iterations");

        var wrong = FileParser.Parse(source, TestPasswords.With("not-" + Password));
        wrong.Issues.ShouldHaveSingleItem().Kind.ShouldBe(ParseIssueKind.PasswordRequired);
        wrong.Certificates.ShouldBeEmpty();
    }

    private static readonly Dictionary<string, string> Digests = new() { ["sha224"] = "SHA-224", ["sha512-224"] = "SHA-512/224", ["sha512-256"] = "SHA-512/256" };

    [Test]
    public void An_unknown_digest_is_a_parse_error_that_says_which()
    {
        using var dir = new TempDirectory();
        var pfx = File.ReadAllBytes(OpenSslPkcs12(dir.Path, "sha256").FullPath);
        var bytes = WithMacAlgorithm(pfx, Seq(ObjectId("1.2.3.4.5"), NullValue()));
        var path = Path.Combine(dir.Path, "mac.p12");
        File.WriteAllBytes(path, bytes);

        var issue = FileParser.Parse(new SourceFile(path, "mac.p12", bytes.Length, null), TestPasswords.With(Password)).Issues.ShouldHaveSingleItem();

        issue.Kind.ShouldBe(ParseIssueKind.ParseError);
        issue.Message.ShouldEndWith("its integrity MAC uses digest 1.2.3.4.5, which CertLint does not know");
    }

    /// <summary>The PFX with its MacData's digestAlgorithm replaced (the MAC value itself left as it was).</summary>
    private static byte[] WithMacAlgorithm(byte[] pfx, byte[] algorithm)
    {
        var outer = new AsnReader(pfx, AsnEncodingRules.BER).ReadSequence();
        var version = outer.ReadEncodedValue().ToArray();
        var authSafe = outer.ReadEncodedValue().ToArray();
        var macData = outer.ReadSequence();
        var digestInfo = macData.ReadSequence();
        digestInfo.ReadEncodedValue();
        var digest = digestInfo.ReadEncodedValue().ToArray();
        var rest = macData.ReadEncodedValue().ToArray().Concat(macData.HasData ? macData.ReadEncodedValue().ToArray() : []).ToArray();
        return Seq(version, authSafe, Seq(Seq(algorithm, digest), rest));
    }

    /// <summary>A fresh P-256 key and self-signed certificate in a PFX written by openssl with the given MAC digest.</summary>
    private static SourceFile OpenSslPkcs12(string dir, string digest)
    {
        var key = Path.Combine(dir, "key.pem");
        var cert = Path.Combine(dir, "cert.pem");
        var pfx = Path.Combine(dir, $"{digest}.p12");
        OpenSslCli.Run($"req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout {key} -out {cert} -subj /CN=mac.test -days 30");
        OpenSslCli.Run($"pkcs12 -export -in {cert} -inkey {key} -out {pfx} -passout pass:{Password} -macalg {digest} -iter 1000");
        return new SourceFile(pfx, Path.GetFileName(pfx), new FileInfo(pfx).Length, null);
    }
}
