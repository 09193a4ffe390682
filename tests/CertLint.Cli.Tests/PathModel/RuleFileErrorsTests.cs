namespace CertLint.Cli.Tests.PathModel;

/// <summary>A rule file with several mistakes reports every one of them, each once, at its file:line:column.</summary>
public class RuleFileErrorsTests
{
    /// <summary>Seven independent mistakes: metadata keys, a reference, `where`, the check and the message.</summary>
    private const string BadRule = """
        id: acme-1
        name: acme-p384
        title: Keys are P-384
        severity: eror
        precison: high
        parameters:
          bits: { type: integer, default: 384 }
        references:
          - title: Policy
            url: not a url
        where:
          kind: certificate
          match: { field: subject.cn, pattern: "[" }
        check:
          field: key.curv
          equals: P-384
        message: "{{subjekt}} is not P-384"
        """;

    [Test]
    public void Rules_validate_reports_every_error_of_a_rule_file_once_and_exits_2()
    {
        using var tree = new RepoTree();
        tree.Write("policy/acme.yml", BadRule);

        var r = CliRunner.InProcess(tree.Repo, null, "rules", "validate", "policy/acme.yml");

        r.ExitCode.ShouldBe(2);
        r.Error.ShouldNotContain("   at ");
        var errors = Errors(r.Error);
        TestContext.Out.WriteLine(r.Error);
        errors.Select(Position).ShouldBe(
            ["1:5", "4:11", "5:1", "10:10", "13:40", "15:10", "17:10"]);
        errors.ShouldBe(errors.Distinct().ToList(), "each error once");
        r.Error.ShouldContain("id 'acme-1' must look like CL0101");
        r.Error.ShouldContain("severity 'eror' must be error, warning or note");
        r.Error.ShouldContain("unknown key 'precison' in a rule (did you mean 'precision'?)");
        r.Error.ShouldContain("'not a url' is not an absolute URL");
        r.Error.ShouldContain("key.curv");
        r.Error.ShouldContain("subjekt");
    }

    [Test]
    public void A_lint_with_the_bad_rule_file_prints_every_error_and_exits_2()
    {
        using var tree = new RepoTree().WithPki();
        tree.Write("policy/acme.yml", BadRule);

        var r = CliRunner.InProcess(tree.Repo, null, ".", "--rules", "policy", "--now", RepoTree.Now);

        r.ExitCode.ShouldBe(2);
        r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.StartsWith("certlint: ", StringComparison.Ordinal) && l.Contains("acme.yml:", StringComparison.Ordinal))
            .ShouldBe(7, r.Error);
    }

    [Test]
    public void Every_bad_parameter_is_reported_and_the_check_is_not_compiled_against_them()
    {
        using var tree = new RepoTree();
        tree.Write("policy/acme.yml", """
            id: ACME001
            name: acme-p384
            title: Keys are P-384
            severity: error
            parameters:
              curve: { type: text, default: P-384 }
              bits: { type: integer, default: many }
            check:
              field: key.curve
              equals: ${curve}
            """);
        var r = CliRunner.InProcess(tree.Repo, null, "rules", "validate", "policy/acme.yml");
        r.ExitCode.ShouldBe(2);
        TestContext.Out.WriteLine(r.Error);
        r.Error.ShouldContain("acme.yml:6:18: error: unknown parameter type 'text'");
        r.Error.ShouldContain("acme.yml:7:35: error: 'bits' must be an integer");
        r.Error.ShouldNotContain("unknown parameter '${curve}'", Case.Sensitive, "no follow-on error for a parameter already reported");
    }

    [Test]
    public void A_valid_rule_file_still_validates()
    {
        using var tree = new RepoTree();
        tree.Write("policy/acme.yml", """
            id: ACME001
            name: acme-p384
            title: Keys are P-384
            severity: error
            check:
              field: key.curve
              equals: P-384
            """);
        var r = CliRunner.InProcess(tree.Repo, null, "rules", "validate", "policy/acme.yml");
        r.ExitCode.ShouldBe(0, r.Error);
        r.Out.ShouldContain("ok: 1 file(s) valid.");
    }

    /// <summary>Several mistakes inside one `check:`, one `where:` and one message: each reported once, none held back.</summary>
    [Test]
    public void Every_error_inside_one_check_where_and_message_is_reported()
    {
        using var tree = new RepoTree();
        tree.Write("policy/acme.yml", """
            id: ACME002
            name: acme-strict
            title: Strict keys
            severity: error
            where:
              kind: certificate
              leaf: maybe
              role: clients
            check:
              all:
                - { field: key.curv, equals: P-384 }
                - { field: key.size, minn: 256 }
                - any:
                    - { field: subject.cn, pattern: "[" }
                    - { field: subject.cnn, equls: x }
            message: "{{subjekt}} has {{key.bitz}} bits"
            """);

        var r = CliRunner.InProcess(tree.Repo, null, "rules", "validate", "policy/acme.yml");

        TestContext.Out.WriteLine(r.Error);
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldNotContain("   at ");
        var errors = Errors(r.Error);
        errors.ShouldBe(errors.Distinct().ToList(), "each error once");
        errors.Select(Position).ShouldBe(
            ["7:9", "8:9", "11:16", "12:26", "14:41", "15:20", "15:33", "16:10", "16:10"]);
        r.Error.ShouldContain("unknown field 'key.curv'");
        r.Error.ShouldContain("unknown function 'minn' (did you mean 'min'?)");
        r.Error.ShouldContain("unknown role 'clients'");
        r.Error.ShouldContain("invalid regular expression");
        r.Error.ShouldContain("unknown field 'subject.cnn'");
        r.Error.ShouldContain("unknown function 'equls' (did you mean 'equals'?)");
        r.Error.ShouldContain("'{{subjekt}}'");
        r.Error.ShouldContain("'{{key.bitz}}'");
    }

    /// <summary>"LINE:COL: error: ..." for each error line about policy/acme.yml.</summary>
    private static List<string> Errors(string stderr) => stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Where(l => l.Contains(": error: ", StringComparison.Ordinal))
        .Select(l => l[(l.IndexOf("acme.yml:", StringComparison.Ordinal) + "acme.yml:".Length)..])
        .ToList();

    private static string Position(string error) => error[..error.IndexOf(": error: ", StringComparison.Ordinal)];
}
