using CertLint.Inventory;
using CertLint.Inventory.Paths;
using CertLint.Tests.Pki;

namespace CertLint.Core.Tests.Hostile;

/// <summary>
/// Certificate policies built to make RFC 5280 §6.1's policy tree cost time without growing it (compare OpenSSL's
/// CVE-2023-0464, which grew it through policyMappings): every policy of a certificate is matched against every node
/// of the level above, on every path through it. Each case goes through the engine with a termination bound.
/// </summary>
public sealed class PolicyComplexityTests
{
    private static string[] Oids(int arc, int count) => [.. Enumerable.Range(0, count).Select(i => $"1.3.6.1.4.1.55555.{arc}.{i}")];

    [Test]
    public void Policies_matched_against_a_wide_level_on_every_path_stop_at_the_step_limit_and_fail_the_path()
    {
        using var dir = new TempDirectory();
        var root = TestPki.CreateRoot("Policy Root");
        // 5,000 nodes at depth 1, then 20,000 policies none of them expects: 10^8 look-ups per path, no node added, so
        // the node cap alone never fires; with 60 leaves below that is 6 x 10^9 look-ups.
        var wide = root.IssueCa("Wide Policy CA", o => o.Extension(PathExtensions.Policies(Oids(1, 5_000))));
        var many = wide.IssueCa("Many Policy CA", o => o.Extension(PathExtensions.Policies(Oids(2, 20_000))));
        var leaves = Enumerable.Range(0, 60).Select(i => many.Issue($"leaf{i}.policy.test", o => o.ServerAuth().Dns($"leaf{i}.policy.test"))).ToArray();
        var rootFile = TestPki.WritePem(dir.Path, "root.pem", root);
        TestPki.WritePem(dir.Path, "cas.pem", wide, many);
        TestPki.WritePem(dir.Path, "leaves.pem", leaves);

        var result = BoundedLint.Run(dir.Path, ["."], [rootFile]);

        foreach (var leaf in leaves)
        {
            var chain = result.Inventory.Chains.Single(c => c.Key.Sha256 == leaf.Sha256).Value;
            chain.Status.ShouldBe(ChainStatus.Invalid);
            chain.Failures.ShouldHaveSingleItem().Check.ShouldBe(PathCheck.Policy);
            chain.Failures[0].Message.ShouldBe(
                $"processing the certificate policies of the path down to CN=Many Policy CA needs more than {PolicyTree.MaxNodes:N0} policy tree nodes or {PolicyTree.MaxSteps:N0} steps; CertLint stops and fails the path");
        }
        result.Of("policy-not-satisfied").ShouldContain(f => f.StartsWith("leaves.pem:", StringComparison.Ordinal));
    }
}
