using CertLint.Tests.Pki;

namespace CertLint.Tests.Rfc5280;

/// <summary>
/// Writes tests/fixtures/rules/rfc5280/RULE/{fail,pass}/RULE.pem from <see cref="Rfc5280Fixtures"/>. Explicit: run it
/// after changing a fixture (`dotnet test --filter Rfc5280FixtureWriter`) and commit the files; the pack tests read them.
/// </summary>
[TestFixture]
[Explicit("Regenerates committed fixture files")]
public sealed class Rfc5280FixtureWriter
{
    [Test]
    public void WriteFixtures()
    {
        var root = Path.Combine(RepoRoot(), "tests", "fixtures", "rules", "rfc5280");
        foreach (var group in Rfc5280Fixtures.All.GroupBy(c => (c.Rule, c.Fails)))
        {
            var dir = Path.Combine(root, group.Key.Rule, group.Key.Fails ? "fail" : "pass");
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
            var n = 0;
            foreach (var fixture in group)
            {
                var suffix = n++ == 0 ? "" : $"-{n}";
                TestPki.WritePem(dir, $"{group.Key.Rule}{suffix}.pem", fixture.Build());
            }
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CertLint.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("CertLint.sln not found above the test directory");
    }
}
