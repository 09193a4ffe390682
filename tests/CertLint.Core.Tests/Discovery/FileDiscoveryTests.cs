using CertLint.Configuration;
using CertLint.Core.Tests.Parsing;
using CertLint.Discovery;
using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Core.Tests.Discovery;

[Platform(Exclude = "Win")]
public class FileDiscoveryTests
{
    private TempDirectory _dir = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDirectory();
        var pem = File.ReadAllBytes(Fixtures.PathOf("leaf.pem"));
        _dir.Write("certs/b.pem", pem);
        _dir.Write("certs/A.crt", pem);
        _dir.Write("certs/sub/c.cer", Fixtures.Bytes("leaf.der"));
        _dir.Write("config/values.yaml", "tls:\n  cert: |\n" + string.Join("\n", File.ReadAllLines(Fixtures.PathOf("leaf.pem")).Select(l => "    " + l)));
        _dir.Write("config/server.bin", Fixtures.Bytes("leaf.der")); // DER with an unhelpful name: found by content
        _dir.Write("README.md", "# nothing here\n");
        _dir.Write("data.json", "{\"x\": 1}");
        _dir.Write("bin/Debug/out.pem", pem);
        _dir.Write(".git/objects/x.pem", pem);
        _dir.Write("node_modules/pkg/cert.pem", pem);
        _dir.Write("x.crt/inner.pem", pem); // a directory with a certificate's name
    }

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private LintSettings Settings(IReadOnlyList<string>? paths = null, IReadOnlyList<string>? include = null, IReadOnlyList<string>? exclude = null, IReadOnlyList<string>? extra = null) => new()
    {
        Root = _dir.Path,
        Paths = paths ?? [_dir.Path],
        Include = include ?? [],
        Exclude = exclude ?? [],
        ExtraFiles = extra ?? [],
        Now = DateTimeOffset.UnixEpoch,
    };

    private DiscoveryResult Discover(LintSettings settings)
    {
        var task = Task.Run(() => FileDiscovery.Discover(settings));
        task.Wait(TimeSpan.FromSeconds(20)).ShouldBeTrue("discovery hung");
        return task.Result;
    }

    [Test]
    public void Finds_candidates_by_extension_and_content_in_ordinal_order()
    {
        var result = Discover(Settings());
        result.Issues.ShouldBeEmpty();
        result.Files.Select(f => f.RelativePath).ShouldBe([
            "certs/A.crt", "certs/b.pem", "certs/sub/c.cer", "config/server.bin", "config/values.yaml", "x.crt/inner.pem"]);
        var first = result.Files[0];
        first.FullPath.ShouldBe(_dir.Combine("certs/A.crt"));
        first.Length.ShouldBe(new FileInfo(first.FullPath).Length);
        first.Mode.ShouldNotBeNull().HasFlag(UnixFileMode.UserRead).ShouldBeTrue();
    }

    [Test]
    public void Sniffed_yaml_yields_its_certificate_with_lines()
    {
        var yaml = Discover(Settings()).Files.Single(f => f.RelativePath == "config/values.yaml");
        var parsed = FileParser.Parse(yaml, TestPasswords.None);
        parsed.Issues.ShouldBeEmpty();
        parsed.Certificates.ShouldHaveSingleItem().Location.StartLine.ShouldBe(3);
    }

    [Test]
    public void Include_exclude_globs_and_glob_paths()
    {
        Discover(Settings(include: ["certs/**"], exclude: ["**/sub/**"])).Files.Select(f => f.RelativePath)
            .ShouldBe(["certs/A.crt", "certs/b.pem"]);
        Discover(Settings(paths: [_dir.Combine("certs/**/*.c*")])).Files.Select(f => f.RelativePath)
            .ShouldBe(["certs/A.crt", "certs/sub/c.cer"]);
    }

    [Test]
    public void Explicit_files_extra_files_and_missing_paths()
    {
        var result = Discover(Settings(paths: [_dir.Combine("README.md"), _dir.Combine("nope")], extra: ["certs/b.pem", "certs/b.pem"]));
        result.Files.Select(f => f.RelativePath).ShouldBe(["README.md", "certs/b.pem"]);
        var issue = result.Issues.ShouldHaveSingleItem();
        result.IssuesAsParsedFiles().ShouldHaveSingleItem().Issues.ShouldBe([issue]);
        issue.Kind.ShouldBe(ParseIssueKind.Unreadable);
        issue.Location.File.RelativePath.ShouldBe("nope");
        issue.Message.ShouldBe("path not found");
    }

    [Test]
    public void Hostile_entries_never_hang_or_crash()
    {
        _dir.MakeFifo("pipe.pem");   // candidate name: listed, FileParser reports it unread
        _dir.MakeFifo("pipe.txt");   // unknown name: must not be opened for sniffing
        Directory.CreateSymbolicLink(_dir.Combine("certs/loop"), _dir.Path); // directory cycle: not followed
        File.CreateSymbolicLink(_dir.Combine("self.pem"), _dir.Combine("self.pem"));
        File.CreateSymbolicLink(_dir.Combine("link.crt"), _dir.Combine("certs/b.pem"));
        using (var big = File.Create(_dir.Combine("big.dat"))) big.SetLength(50L * 1024 * 1024);
        using (var big = File.Create(_dir.Combine("big.pem"))) big.SetLength(50L * 1024 * 1024);

        var result = Discover(Settings());

        var paths = result.Files.Select(f => f.RelativePath).ToList();
        paths.ShouldContain("pipe.pem");
        paths.ShouldContain("link.crt");
        paths.ShouldContain("big.pem");
        paths.ShouldNotContain("pipe.txt");
        paths.ShouldNotContain("big.dat");
        paths.ShouldAllBe(p => !p.StartsWith("certs/loop/"));
        result.Issues.ShouldHaveSingleItem().Location.File.RelativePath.ShouldBe("self.pem");

        var parsed = FileParser.ParseAll(result.Files, TestPasswords.None);
        parsed.Select(p => p.File).ShouldBe(result.Files);
        parsed.Single(p => p.File.RelativePath == "pipe.pem").Issues.ShouldHaveSingleItem().Kind.ShouldBe(ParseIssueKind.Unreadable);
        parsed.Single(p => p.File.RelativePath == "big.pem").Issues.ShouldHaveSingleItem().Message.ShouldContain("too large");
        parsed.Single(p => p.File.RelativePath == "link.crt").Certificates.Count.ShouldBe(1);
    }

    [Test]
    public void Vanished_root_is_an_issue()
    {
        var settings = Settings(paths: [_dir.Combine("gone")]);
        Discover(settings).Issues.ShouldHaveSingleItem().Message.ShouldBe("path not found");
    }
}
