using CertLint.Engine;
using CertLint.Rules.Evaluation;
using CertLint.Tests.BuiltInRules;
using NUnit.Framework;
using Shouldly;

namespace CertLint.Tests.Rules;

/// <summary>
/// The rule stage evaluates subjects in blocks, rule by rule, each subject with its own field memo and certificate
/// details (<see cref="RuleEvaluator.BlockSize"/>). Whatever the block size, every subject must get the same findings,
/// the same checked rules and the same skip counts and lists as when it is evaluated alone: checked on the repository's
/// 700-odd test fixtures (certificates, keys, keystores, configurations) with every pack on and the skipped objects listed.
/// </summary>
[NonParallelizable] // sets the block size for the whole process
public class BlockEvaluationTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void Blocks_of_subjects_give_what_one_subject_at_a_time_gives()
    {
        var alone = Lint(blockSize: 1);
        var blocks = Lint(blockSize: 16);
        var odd = Lint(blockSize: 5);

        alone.Findings.Length.ShouldBeGreaterThan(100);
        alone.Checks.Length.ShouldBeGreaterThan(10_000);
        alone.Skips.Length.ShouldBeGreaterThan(50);
        blocks.Findings.ShouldBe(alone.Findings);
        blocks.Checks.ShouldBe(alone.Checks);
        blocks.Skips.ShouldBe(alone.Skips);
        odd.Findings.ShouldBe(alone.Findings);
        odd.Checks.ShouldBe(alone.Checks);
        odd.Skips.ShouldBe(alone.Skips);
    }

    private static (string[] Findings, string[] Checks, string[] Skips) Lint(int blockSize)
    {
        var saved = RuleEvaluator.BlockSize;
        RuleEvaluator.BlockSize = blockSize;
        try
        {
            var result = new LintEngine().Run(new LintRequest
            {
                WorkingDirectory = Path.Combine(Samples.RepoRoot, "tests", "fixtures"),
                Now = Now,
                Packs = ["+cabf-br"],
                ListSkipped = true,
                Environment = _ => null,
            });
            return (
                result.Findings.Select(f => $"{f.Rule.Id} {f.Location.File.RelativePath}:{f.Location.StartLine} {f.Subject.ObjectId} {f.Severity} {f.Message}").ToArray(),
                result.Checks.Select(c => $"{c.Rule.Id} {c.Subject.ObjectId}").ToArray(),
                result.SkippedObjects!.OrderBy(s => s.Key, StringComparer.Ordinal)
                    .Select(s => $"{s.Key} {result.Skips[s.Key]} NA[{string.Join(",", s.Value.NotApplicable.Objects.Select(o => o.ObjectId))}] NE[{string.Join(",", s.Value.NotEffective.Objects.Select(o => o.ObjectId))}]")
                    .ToArray());
        }
        finally
        {
            RuleEvaluator.BlockSize = saved;
        }
    }
}
