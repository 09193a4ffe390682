using CertLint.Endpoints;
using CertLint.Tests.Pki;
using static CertLint.Core.Tests.Rules.RuleTestKit;

namespace CertLint.Core.Tests.Hostile;

/// <summary>
/// A staple is whatever the server sends: bytes that are no OCSPResponse, or one cut short, are an "invalid" staple
/// (tls-ocsp-staple-invalid's finding), never an exception out of the lint. The real responses are tested against
/// `openssl s_server` in CertLint.Handshake.Tests (OcspStaplingTests).
/// </summary>
public sealed class StapledOcspTests
{
    private static readonly TestCertificate Root = TestPki.CreateRoot("CN=Staple Root");
    private static readonly TestCertificate Leaf = Root.Issue("staple.example.com");

    [TestCase(new byte[0])]
    [TestCase(new byte[] { 0x30 })]
    [TestCase(new byte[] { 0x30, 0x03, 0x0A, 0x01, 0x00 })]            // OCSPResponse, successful, no responseBytes
    [TestCase(new byte[] { 0x30, 0x03, 0x0A, 0x01, 0x06 })]            // unauthorized
    [TestCase(new byte[] { 0x30, 0x80, 0x0A, 0x01, 0x00, 0x00, 0x00 })] // indefinite length
    [TestCase(new byte[] { 0x04, 0x02, 0xFF, 0xFF })]
    public void Bytes_that_are_no_usable_response_are_an_invalid_staple(byte[] staple)
    {
        var leaf = TestScan.Certificate(Leaf, FileAt("server.pem"));
        var issuer = TestScan.Certificate(Root, FileAt("root.pem"));

        var read = StapledOcsp.Read(staple, leaf, issuer);

        read.Status.ShouldBe("invalid");
        read.SignatureValid.ShouldBeNull();
        read.ThisUpdate.ShouldBeNull();
    }

    [Test]
    public void Random_bytes_never_escape_as_an_exception()
    {
        var leaf = TestScan.Certificate(Leaf, FileAt("server.pem"));
        var random = new Random(29);
        for (var i = 0; i < 500; i++)
        {
            var staple = new byte[random.Next(0, 300)];
            random.NextBytes(staple);
            if (staple.Length > 0) staple[0] = 0x30;
            StapledOcsp.Read(staple, leaf, null).Status.ShouldBe("invalid");
        }
    }
}
