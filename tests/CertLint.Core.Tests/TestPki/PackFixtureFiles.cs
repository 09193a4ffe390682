namespace CertLint.Tests.Pki;

/// <summary>One fixture of a pack rule: the chain to write (certificate under test first) and whether the rule must fire on it.</summary>
public sealed record PackFixtureCase(string Rule, bool Fails, Func<TestCertificate[]> Build);

/// <summary>
/// Writes a pack's committed fixture files, tests/fixtures/rules/PACK/RULE/{fail,pass}/RULE[-n].pem, one PEM per case
/// (the certificate under test first, then its issuers). The per-rule pack test reads these files.
/// </summary>
public static class PackFixtureFiles
{
    /// <summary>The cases <paramref name="fill"/> adds (a failing and a passing chain per rule), built on first use.</summary>
    public static Lazy<IReadOnlyList<PackFixtureCase>> Cases(Action<Action<string, Func<TestCertificate[]>, Func<TestCertificate[]>>> fill) =>
        new(() =>
        {
            var cases = new List<PackFixtureCase>();
            fill((rule, fail, pass) =>
            {
                cases.Add(new PackFixtureCase(rule, true, fail));
                cases.Add(new PackFixtureCase(rule, false, pass));
            });
            return cases;
        });

    public static void Write(string pack, IEnumerable<PackFixtureCase> cases)
    {
        var root = Path.Combine(RepoRoot(), "tests", "fixtures", "rules", pack);
        foreach (var group in cases.GroupBy(c => (c.Rule, c.Fails)))
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

    /// <summary>The repository checkout: the nearest directory above the test binaries that holds CertLint.sln.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CertLint.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("CertLint.sln not found above the test directory");
    }
}
