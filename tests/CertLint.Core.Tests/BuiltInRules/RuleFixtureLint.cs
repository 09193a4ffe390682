using CertLint.Engine;
using CertLint.Tests.Pki;

namespace CertLint.Core.Tests.BuiltInRules;

/// <summary>
/// Lints one rule fixture (tests/fixtures/rules/PACK/RULE/OUTCOME/FILE) through the real engine, with the rule's fixture
/// folder as the whole repository: the folder is copied to the same relative path under a fresh temporary work tree.
/// A fixture then keeps the roles its path gives (a "cabf-smime" segment is the email role) and has only its own
/// rule's fixtures as context, so it documents the rule on its own; linted in place, a one-file run reads every
/// certificate of the CertLint repository as context for issuers and keys (about a second per run, and a fixture
/// could pass thanks to another rule's files).
/// </summary>
internal static class RuleFixtureLint
{
    public static string Folder(string pack, string rule, string outcome) =>
        Path.Combine(CertLint.Tests.BuiltInRules.Samples.RepoRoot, "tests", "fixtures", "rules", pack, rule, outcome);

    public static LintResult Run(string pack, string rule, string outcome, string file, DateTimeOffset now)
    {
        using var repo = new TempDirectory();
        Directory.CreateDirectory(repo[".git"]); // the work tree's top: paths are reported and roles read from here
        var relative = Path.Combine("tests", "fixtures", "rules", pack, rule);
        Copy(Path.Combine(CertLint.Tests.BuiltInRules.Samples.RepoRoot, relative), repo[relative]);
        var dir = Path.Combine(repo[relative], outcome);
        return new LintEngine().Run(new LintRequest
        {
            WorkingDirectory = dir,
            Paths = [Path.Combine(dir, file)],
            Now = now,
            Packs = [pack],
            Environment = _ => null,
        });
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var sub in Directory.GetDirectories(from)) Copy(sub, Path.Combine(to, Path.GetFileName(sub)));
    }
}
