using System.Text;
using CertLint.Tests.Pki;

namespace CertLint.Core.Tests.Hostile;

/// <summary>
/// HashiCorp HCL files a pull request writes to exhaust the HCL reader: blocks and lists nested thousands deep (a
/// recursive parser's stack), hundreds of thousands of tokens, and a heredoc that never ends. Each is a parse error at
/// its line, with no text of the file in it, in bounded time (<see cref="BoundedLint"/>).
/// </summary>
public sealed class HclComplexityTests
{
    [Test]
    public void Deep_nesting_huge_token_counts_and_endless_heredocs_are_bounded_parse_errors()
    {
        using var dir = new TempDirectory();
        const int deep = 20_000;
        ConfigComplexityTests.Write(dir, "blocks.hcl", "tls {\n" + string.Concat(Enumerable.Repeat("a {\n", deep)) + new string('}', deep + 1));
        ConfigComplexityTests.Write(dir, "lists.hcl", "vault {\n  x = " + new string('[', deep) + new string(']', deep) + "\n}\n");
        ConfigComplexityTests.Write(dir, "calls.hcl", "vault {\n  x = f" + string.Concat(Enumerable.Repeat("(", deep)) + new string(')', deep) + "\n}\n");
        var tokens = new StringBuilder("tls {\n");
        for (var i = 0; i < 150_000; i++) tokens.Append("a=1\n");
        ConfigComplexityTests.Write(dir, "tokens.hcl", tokens.Append("}\n").ToString());
        ConfigComplexityTests.Write(dir, "heredoc.hcl", "vault {\n  address = <<EOF\n" + string.Concat(Enumerable.Repeat("secret-looking-line\n", 50_000)));

        var result = BoundedLint.Run(dir.Path, ".");

        const string refused = "Fix or regenerate the file, or exclude it if it is not a certificate.";
        result.Of("parse-error").ShouldBe([
            $"blocks.hcl:33 blocks.hcl:33 cannot be parsed: blocks nested more than 32 deep: HCL refuses the file. {refused}",
            $"calls.hcl:2 calls.hcl:2 cannot be parsed: values nested more than 32 deep: HCL refuses the file. {refused}",
            $"heredoc.hcl:2 heredoc.hcl:2 cannot be parsed: heredoc is not closed by its marker line (or is longer than 10000 lines): HCL refuses the file. {refused}",
            $"lists.hcl:2 lists.hcl:2 cannot be parsed: values nested more than 32 deep: HCL refuses the file. {refused}",
            $"tokens.hcl:66668 tokens.hcl:66668 cannot be parsed: more than 200000 tokens: not read as a configuration. {refused}",
        ]);
        result.AllText().ShouldNotContain("secret-looking-line");
    }
}
