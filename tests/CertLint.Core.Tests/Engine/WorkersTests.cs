using CertLint.Engine;
using CertLint.Tests.Pki;

namespace CertLint.Tests.Engine;

/// <summary>Small loops and small runs stay on the calling thread; a run gives the same result either way.</summary>
public sealed class WorkersTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_loop_below_the_threshold_runs_in_order_on_the_calling_thread()
    {
        var caller = Environment.CurrentManagedThreadId;
        var seen = new List<(int Item, int Thread)>();
        Workers.For(Workers.SequentialBelow - 1, i => seen.Add((i, Environment.CurrentManagedThreadId)));
        seen.ShouldBe(Enumerable.Range(0, Workers.SequentialBelow - 1).Select(i => (i, caller)));
        Workers.RunsHere(Workers.SequentialBelow).ShouldBeFalse();
    }

    [Test]
    public void Inside_a_sequential_scope_every_loop_runs_here_with_one_state_and_the_scope_ends()
    {
        var caller = Environment.CurrentManagedThreadId;
        var states = 0;
        var threads = new HashSet<int>();
        using (Workers.Sequential(true))
        {
            using (Workers.Sequential(true)) { } // a nested scope does not end the outer one
            Workers.RunsHere(10_000).ShouldBeTrue();
            Workers.For(1000, () => { states++; return 0; }, (i, sum) => { threads.Add(Environment.CurrentManagedThreadId); return sum + i; },
                sum => sum.ShouldBe(999 * 1000 / 2), items: 1000);
        }
        (states, threads.Single()).ShouldBe((1, caller));
        Workers.RunsHere(10_000).ShouldBeFalse();
        using (Workers.Sequential(false)) Workers.RunsHere(10_000).ShouldBeFalse();
    }

    [Test]
    public void A_cancelled_loop_stops_with_the_cancellation_as_a_parallel_one_does()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Should.Throw<OperationCanceledException>(() => Workers.For(3, _ => { }, cancel.Token));
        Should.Throw<OperationCanceledException>(() => Workers.For(1000, _ => { }, cancel.Token));
    }

    [Test]
    public void A_run_on_every_core_and_the_same_run_on_one_thread_find_the_same()
    {
        // 20 files: above the threshold, so the engine loads the packs beside the parsing and each stage uses every core.
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir[".git"]);
        var root = TestPki.CreateRoot("Acme Root");
        TestPki.WritePem(dir.Path, "ca/root.pem", root);
        for (var i = 0; i < 19; i++)
            TestPki.WritePem(dir.Path, $"certs/host{i}.pem", root.Issue($"host{i}.acme.test", o => o.ServerAuth().Dns(i % 3 == 0 ? $"host{i}.corp" : $"host{i}.acme.test")));
        string[] Lint()
        {
            var result = new LintEngine().Run(new LintRequest
            {
                WorkingDirectory = dir.Path, Paths = ["."], Now = Now, Packs = ["core", "rfc5280", "cabf-br"], Environment = _ => null,
            });
            return [.. result.Findings.Select(f => $"{f.Location} {f.Rule.Name} {f.Message}"),
                .. result.Checks.Select(c => $"{c.Subject.Location} {c.Subject.ObjectId} {c.Rule.Name}")];
        }
        var parallel = Lint();
        string[] sequential;
        using (Workers.Sequential(true)) sequential = Lint();
        parallel.Length.ShouldBeGreaterThan(20);
        sequential.ShouldBe(parallel);
    }
}
