using System.Text.Json;
using System.Xml.Linq;

namespace CertLint.Cli.Tests.PathModel;

/// <summary>Issue 12, items 4 and 7: one glob dialect for every option and key; reports carry real file names.</summary>
public class GlobAndNameTests
{
    private const string Broken = "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n";
    private static readonly string[] Files = ["a.pem", "x/b.pem", "x/y/c.pem", "z/d.crt", "z/x/e.pem"];

    [TestCase("*.pem", "a.pem x/b.pem x/y/c.pem z/x/e.pem")]
    [TestCase("x/*.pem", "x/b.pem")]
    [TestCase("/a.pem", "a.pem")]
    [TestCase("x/**", "x/b.pem x/y/c.pem")]
    [TestCase("x", "x/b.pem x/y/c.pem z/x/e.pem")]
    [TestCase("**/y/*", "x/y/c.pem")]
    [TestCase("{x,z}/*.{pem,crt}", "x/b.pem z/d.crt")]
    [TestCase("[az]*", "a.pem z/d.crt z/x/e.pem")]
    [TestCase("?.crt", "z/d.crt")]
    public void Item4_the_same_pattern_selects_the_same_files_as_include_and_as_suppression_path(string glob, string expected)
    {
        using var tree = new RepoTree();
        foreach (var f in Files) tree.Write(f, Broken);

        var included = tree.Same([], "--include", glob).Findings.Select(f => f.Split(' ')[0]).ToArray();
        var excluded = tree.Same([], "--exclude", glob).Findings.Select(f => f.Split(' ')[0]).ToArray();
        tree.Write(".certlint.yml", $"suppressions:\n  - rule: parse-error\n    path: \"{glob}\"\n    reason: test\nroles:\n  \"{glob}\": client\n");
        var suppressed = tree.Same([]).Findings.Where(f => f.EndsWith("(suppressed)", StringComparison.Ordinal)).Select(f => f.Split(' ')[0]).ToArray();
        tree.Write(".certlint.yml", $"include: [\"{glob}\"]\n");
        var configIncluded = tree.Same([]).Findings.Select(f => f.Split(' ')[0]).ToArray();

        var want = expected.Split(' ');
        included.ShouldBe(want);
        suppressed.ShouldBe(want);
        configIncluded.ShouldBe(want);
        excluded.ShouldBe(Files.Except(want).Order(StringComparer.Ordinal).ToArray());
    }

    [Test]
    public void Item4_negation_re_admits_in_include_and_exclude_lists()
    {
        using var tree = new RepoTree();
        foreach (var f in Files) tree.Write(f, Broken);
        tree.Same([], "--exclude", "*.pem", "--exclude", "!x/y/*").Findings.Select(f => f.Split(' ')[0]).ShouldBe(["x/y/c.pem", "z/d.crt"]);
        tree.Write(".certlint.yml", "suppressions: [{ rule: parse-error, path: \"!a.pem\", reason: no }]\n");
        var r = CliRunner.InProcess(tree.Repo, null, ".");
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldContain(".certlint.yml:1:43: error: bad glob in 'path': '!' (negation) is only allowed in include/exclude lists");
    }

    [Test]
    public void Item7_odd_file_names_are_reported_faithfully()
    {
        if (OperatingSystem.IsWindows()) Assert.Ignore("Windows file names cannot hold a newline");
        using var tree = new RepoTree();
        const string name = "new\nline ?#%.pem";
        tree.Write(name, Broken);

        var run = tree.Same([]);
        run.Findings.ShouldBe([$"{name} parse-error"]);
        run.SarifUris.ShouldBe(["new%0Aline%20%3F%23%25.pem"]);
        Uri.UnescapeDataString(run.SarifUris[0]).ShouldBe(name);
        var suite = XDocument.Parse(run.JUnit!).Descendants("testsuite").Single();
        suite.Attribute("file")!.Value.ShouldBe(name);
        run.Outcome.Out.ShouldContain("new\\nline ?#%.pem");
        run.Outcome.Out.ShouldNotContain("new\nline");
        JsonDocument.Parse(run.Json!).RootElement.GetProperty("files")[0].GetProperty("path").GetString().ShouldBe(name);
    }
}
