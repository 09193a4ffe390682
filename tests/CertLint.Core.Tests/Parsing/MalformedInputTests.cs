using System.Text;
using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Core.Tests.Parsing;

/// <summary>Every malformed or hostile input gives an issue with the path (and line), never an exception or a hang.</summary>
[Platform(Exclude = "Win")]
public class MalformedInputTests
{
    private TempDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    /// <summary>Parses on a worker with a deadline, so a hang fails the test instead of stalling the run.</summary>
    private ParseIssue SingleIssue(string relative, ParseIssueKind kind)
    {
        var task = Task.Run(() => FileParser.Parse(_dir.Source(relative), TestPasswords.None));
        task.Wait(TimeSpan.FromSeconds(10)).ShouldBeTrue("parsing hung");
        var issue = task.Result.Issues.ShouldHaveSingleItem();
        issue.Kind.ShouldBe(kind);
        issue.Location.File.RelativePath.ShouldBe(relative);
        return issue;
    }

    [Test]
    public void Truncated_der_certificate()
    {
        var der = Fixtures.Bytes("leaf.der");
        _dir.Write("cut.der", der[..(der.Length / 2)]);
        SingleIssue("cut.der", ParseIssueKind.ParseError).Message.ShouldContain("DER");
    }

    [Test]
    public void Der_certificate_with_a_bad_inner_field()
    {
        var der = Fixtures.Bytes("leaf.der");
        var index = Array.IndexOf(der, (byte)0x17); // first UTCTime tag: make it a BOOLEAN
        der[index] = 0x01;
        _dir.Write("bad.crt", der);
        SingleIssue("bad.crt", ParseIssueKind.ParseError).Message.ShouldStartWith("invalid DER certificate");
    }

    [Test]
    public void Truncated_pem_reports_the_block_lines()
    {
        var lines = File.ReadAllLines(Fixtures.PathOf("leaf.pem"));
        _dir.Write("cut.pem", "intro\n" + string.Join("\n", lines[..5]));
        var issue = SingleIssue("cut.pem", ParseIssueKind.ParseError);
        issue.Message.ShouldContain("no END line");
        (issue.Location.StartLine, issue.Location.EndLine).ShouldBe((2, 6));
        issue.Location.ToString().ShouldBe("cut.pem:2-6");
    }

    [Test]
    public void Pem_with_truncated_body_is_an_invalid_certificate_at_its_lines()
    {
        var lines = File.ReadAllLines(Fixtures.PathOf("leaf.pem"));
        _dir.Write("short.pem", string.Join("\n", lines[..4].Append(lines[^1])));
        var issue = SingleIssue("short.pem", ParseIssueKind.ParseError);
        issue.Message.ShouldStartWith("invalid CERTIFICATE block");
        (issue.Location.StartLine, issue.Location.EndLine).ShouldBe((1, 5));
    }

    [Test]
    public void Bad_base64()
    {
        _dir.Write("b64.pem", "-----BEGIN CERTIFICATE-----\nMII%%%\n-----END CERTIFICATE-----\n");
        SingleIssue("b64.pem", ParseIssueKind.ParseError).Message.ShouldContain("base64");
    }

    [Test]
    public void Random_bytes_empty_file_and_fake_pfx()
    {
        var random = new byte[4096];
        new Random(42).NextBytes(random);
        random[0] = 0x7F;
        _dir.Write("random.crt", random);
        SingleIssue("random.crt", ParseIssueKind.ParseError).Message.ShouldContain("unrecognised");
        _dir.Write("empty.pem", []);
        SingleIssue("empty.pem", ParseIssueKind.ParseError).Message.ShouldBe("file is empty");
        _dir.Write("fake.pfx", Encoding.ASCII.GetBytes("this is not a keystore"));
        SingleIssue("fake.pfx", ParseIssueKind.ParseError);
        var pfx = Fixtures.Bytes("leaf-nopass.p12");
        _dir.Write("cut.pfx", pfx[..(pfx.Length - 100)]);
        SingleIssue("cut.pfx", ParseIssueKind.ParseError);
    }

    [Test]
    public void Directory_named_like_a_certificate()
    {
        Directory.CreateDirectory(_dir.Combine("x.crt"));
        SingleIssue("x.crt", ParseIssueKind.Unreadable).Message.ShouldContain("directory");
    }

    [Test]
    public void Fifo_is_not_opened()
    {
        _dir.MakeFifo("pipe.pem");
        SingleIssue("pipe.pem", ParseIssueKind.Unreadable).Message.ShouldContain("FIFO");
    }

    [Test]
    public void Vanished_file()
    {
        SingleIssue("gone.pem", ParseIssueKind.Unreadable).Message.ShouldContain("not found");
    }

    [Test]
    public void Symlink_loop()
    {
        File.CreateSymbolicLink(_dir.Combine("a.pem"), _dir.Combine("b.pem"));
        File.CreateSymbolicLink(_dir.Combine("b.pem"), _dir.Combine("a.pem"));
        SingleIssue("a.pem", ParseIssueKind.Unreadable);
    }

    [Test]
    public void Huge_file_is_not_read()
    {
        using (var stream = File.Create(_dir.Combine("huge.pem"))) stream.SetLength(50L * 1024 * 1024); // sparse: cheap
        SingleIssue("huge.pem", ParseIssueKind.ParseError).Message.ShouldBe("too large (50 MB); limit is 10 MB, not parsed");
    }

    [Test]
    public void Mode_000_file_never_crashes_and_is_unreadable_unless_root()
    {
        Assume.That(!OperatingSystem.IsWindows());
        _dir.Write("secret.pem", File.ReadAllBytes(Fixtures.PathOf("leaf.pem")));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_dir.Combine("secret.pem"), UnixFileMode.None);
        var parsed = FileParser.Parse(_dir.Source("secret.pem"), TestPasswords.None);
        if (Environment.UserName == "root")
        {
            parsed.Certificates.Count.ShouldBe(1); // root reads anything: the point is that nothing threw
            return;
        }
        var issue = parsed.Issues.ShouldHaveSingleItem();
        issue.Kind.ShouldBe(ParseIssueKind.Unreadable);
        issue.Message.ShouldContain("permission denied");
    }

    [Test]
    public void One_bad_block_does_not_hide_the_good_ones()
    {
        var good = File.ReadAllText(Fixtures.PathOf("leaf.pem"));
        _dir.Write("mixed.pem", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n" + good);
        var parsed = FileParser.Parse(_dir.Source("mixed.pem"), TestPasswords.None);
        parsed.Certificates.ShouldHaveSingleItem().Location.StartLine.ShouldBe(4);
        parsed.Issues.ShouldHaveSingleItem().Location.StartLine.ShouldBe(1);
    }
}
