using System.Text;
using CertLint.Parsing;

namespace CertLint.Core.Tests.Parsing;

public class PemScannerTests
{
    private static IReadOnlyList<PemBlock> Scan(string text) => PemScanner.Scan(Encoding.UTF8.GetBytes(text));

    [Test]
    public void Finds_blocks_with_lines_in_text_dump_chain()
    {
        var blocks = PemScanner.Scan(Fixtures.Bytes("chain-with-text.pem"));
        blocks.Count.ShouldBe(2);
        blocks.ShouldAllBe(b => b.Label == "CERTIFICATE" && b.Error == null);
        var lines = File.ReadAllLines(Fixtures.PathOf("chain-with-text.pem"));
        foreach (var b in blocks)
        {
            lines[b.StartLine - 1].ShouldBe("-----BEGIN CERTIFICATE-----");
            lines[b.EndLine - 1].ShouldBe("-----END CERTIFICATE-----");
        }
        blocks[0].Data.ToArray().ShouldBe(Fixtures.Bytes("leaf.der"));
    }

    [Test]
    public void Crlf_gives_the_same_blocks_and_lines()
    {
        var lf = PemScanner.Scan(Fixtures.Bytes("chain-with-text.pem"));
        var crlf = PemScanner.Scan(Fixtures.Bytes("chain-crlf.pem"));
        crlf.Select(b => (b.StartLine, b.EndLine)).ShouldBe(lf.Select(b => (b.StartLine, b.EndLine)));
        crlf[1].Data.ToArray().ShouldBe(lf[1].Data.ToArray());
    }

    [Test]
    public void Legacy_encrypted_key_headers_are_read()
    {
        var block = PemScanner.Scan(Fixtures.Bytes("leaf-legacy-encrypted.key")).Single();
        block.Label.ShouldBe("RSA PRIVATE KEY");
        block.IsLegacyEncrypted.ShouldBeTrue();
        block.Headers["DEK-Info"].ShouldStartWith("AES-128-CBC,");
        block.Error.ShouldBeNull();
    }

    [Test]
    public void Bad_base64_is_reported_at_its_block_and_others_survive()
    {
        var blocks = Scan("hello\n-----BEGIN CERTIFICATE-----\nMIIB!!notbase64\n-----END CERTIFICATE-----\n-----BEGIN FOO-----\nAQID\n-----END FOO-----\n");
        blocks.Count.ShouldBe(2);
        blocks[0].Error.ShouldNotBeNull().ShouldContain("base64");
        (blocks[0].StartLine, blocks[0].EndLine).ShouldBe((2, 4));
        blocks[1].Data.ToArray().ShouldBe(new byte[] { 1, 2, 3 });
        (blocks[1].StartLine, blocks[1].EndLine).ShouldBe((5, 7));
    }

    [Test]
    public void Unterminated_and_mismatched_blocks_are_errors()
    {
        var blocks = Scan("-----BEGIN CERTIFICATE-----\nAQID\n-----BEGIN X-----\nAQID\n-----END Y-----\n-----BEGIN Z-----\nAQID");
        blocks.Select(b => (b.Label, b.StartLine, b.EndLine)).ShouldBe([("CERTIFICATE", 1, 2), ("X", 3, 5), ("Z", 6, 7)]);
        blocks.ShouldAllBe(b => b.Error != null && b.Data.IsEmpty);
        blocks[0].Error!.ShouldContain("no END line");
    }

    [Test]
    public void No_marker_gives_no_blocks()
    {
        Scan("").ShouldBeEmpty();
        Scan("just text\n-----BEGIN\n").ShouldBeEmpty();
    }
}
