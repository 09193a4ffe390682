using CertLint.Discovery;

namespace CertLint.Core.Tests.Discovery;

/// <summary>The fast path of <see cref="FileDiscovery.RelativePath"/> must agree with Path.GetRelativePath.</summary>
[Platform(Exclude = "Win")]
public class RelativePathTests
{
    [TestCase("/repo", "/repo/certs/a.pem", "certs/a.pem")]
    [TestCase("/repo/", "/repo/certs/a.pem", "certs/a.pem")]
    [TestCase("/", "/etc/ssl/a.pem", "etc/ssl/a.pem")]
    [TestCase("/repo", "/repo", ".")]
    [TestCase("/repo", "/repository/a.pem", "../repository/a.pem")]
    [TestCase("/repo/sub", "/repo/other/a.pem", "../other/a.pem")]
    [TestCase("/Repo", "/repo/a.pem", "../repo/a.pem")]
    public void Matches_the_framework(string root, string full, string expected)
    {
        FileDiscovery.RelativePath(root, full).ShouldBe(expected);
        FileDiscovery.RelativePath(root, full).ShouldBe(Path.GetRelativePath(root, full));
    }
}
