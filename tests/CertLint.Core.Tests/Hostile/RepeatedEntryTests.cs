using CertLint.Engine;
using CertLint.Tests.Pki;

namespace CertLint.Core.Tests.Hostile;

/// <summary>
/// Session 31 red team: the fields that name repeated entries (policies.duplicates, san.dns.duplicates, extension and
/// QC statement OIDs, AIA URIs) compared every entry with every other. The file sets the count: 50,000 policies took
/// 26 s of CPU, 100,000 took 108 s, 300,000 would take a quarter of an hour; 100,000 SAN names with duplicates 90 s.
/// </summary>
public sealed class RepeatedEntryTests
{
    private const int Entries = 300_000;

    [Test]
    public void Three_hundred_thousand_policies_and_san_names_are_checked_for_repeats_in_linear_time()
    {
        using var dir = new TempDirectory();
        var root = TestPki.CreateRoot("Repeat Root");
        // Distinct entries, then two repeats of earlier ones (the second written in another case for the SAN).
        var policies = Enumerable.Range(0, Entries).Select(i => $"1.2.3.{i}").Append("1.2.3.7").Append("1.2.3.5").ToArray();
        var names = Enumerable.Range(0, Entries).Select(i => $"dns:h{i}.t").Append("dns:H9.T").Append("dns:h3.t").ToArray();
        TestPki.WritePem(dir.Path, "policies.pem", root.Issue("policies.test", o => o.ServerAuth().Dns("policies.test").Extension(PathExtensions.Policies(policies))));
        TestPki.WritePem(dir.Path, "names.pem", root.Issue("names.test", o => o.ServerAuth().Extension(PathExtensions.SubjectAltName(names))));

        var run = Task.Run(() => new LintEngine().Run(new LintRequest
        {
            WorkingDirectory = dir.Path,
            Paths = ["."],
            Now = TestPki.DefaultNow,
            AllowEmpty = true,
            Packs = ["+community"],
            Environment = _ => null,
        }));
        run.Wait(BoundedLint.Bound).ShouldBeTrue($"the run did not finish within {BoundedLint.Bound}");
        var result = run.Result;

        // In order of first occurrence, each once, as first written.
        result.Of("policy-duplicate").ShouldHaveSingleItem().ShouldEndWith(": certificatePolicies lists 1.2.3.5, 1.2.3.7 more than once.");
        result.Of("san-dns-duplicate").ShouldHaveSingleItem().ShouldEndWith("): subjectAltName lists h3.t, h9.t more than once.");
    }
}
