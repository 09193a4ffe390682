using CertLint.Configuration;

namespace CertLint.Core.Tests.Configuration;

public class PathGlobTests
{
    [TestCase("certs/**", "certs/a/b/c.crt", true)]
    [TestCase("certs/**", "other/certs/c.crt", false)]
    [TestCase("certs/*.crt", "certs/a.crt", true)]
    [TestCase("certs/*.crt", "certs/sub/a.crt", false)]
    [TestCase("**/partners/**", "x/partners/y/z.pem", true)]
    [TestCase("**/*.key", "a.key", true)]
    [TestCase("*.key", "deep/in/tree/a.key", true)]
    [TestCase("*.{crt,pem}", "a/b.pem", true)]
    [TestCase("*.{crt,pem}", "a/b.key", false)]
    [TestCase("cert?.pem", "cert1.pem", true)]
    [TestCase("certs", "certs/a.pem", true)]
    [TestCase("./certs/a.pem", "certs/a.pem", true)]
    [TestCase("a+b/(x).pem", "a+b/(x).pem", true)]
    public void Matches_relative_paths(string glob, string path, bool expected) =>
        new PathGlob(glob).IsMatch(path).ShouldBe(expected);

    [Test]
    public void Backslashes_are_folder_separators() => new PathGlob("certs/**").IsMatch("certs\\a\\b.crt").ShouldBeTrue();

    [Test]
    public void Unclosed_brace_is_rejected() => Should.Throw<ArgumentException>(() => new PathGlob("*.{crt"));
}
