using System.Diagnostics;
using CertLint.Configuration;
using CertLint.Discovery;
using CertLint.Engine;
using CertLint.Inventory;
using CertLint.Parsing;
using CertLint.Rules;
using CertLint.Rules.Evaluation;

namespace CertLint.Benchmarks;

/// <summary>
/// `stages DIR`: runs the pipeline stage by stage on a folder and prints wall and CPU time per stage. CPU time
/// (user+sys of the process) stays meaningful on a busy machine where wall time does not; allocations and gen0
/// collections show what the garbage collector costs.
/// </summary>
public static class StageProfile
{
    public static void Run(string dir, DateTimeOffset now)
    {
        var time = TimeProvider.System;
        var packs = Environment.GetEnvironmentVariable("CERTLINT_PROFILE_PACKS");
        var request = new LintRequest { Paths = [dir], WorkingDirectory = dir, Now = now, Packs = packs is null ? [] : packs.Split(',') };
        Measure("settings + rules", () =>
        {
            var s = SettingsResolver.Resolve(request, time);
            return (s, RuleCatalog.Load(s));
        }, out var loaded);
        var (settings, catalog) = loaded;
        Measure("discover", () => FileDiscovery.Discover(settings), out var discovery);
        var passwords = new SettingsPasswordSource(settings);
        Measure("configurations", () => CertLint.Usage.ConfigStage.Read(settings, passwords, default), out var configs);
        Measure("read + parse", () => FileParser.ParseAll(discovery.Files, passwords), out var parsed);
        Measure("inventory", () => InventoryBuilder.Build(parsed, [], settings, null, configs.Usages), out var inventory);
        if (Environment.GetEnvironmentVariable("CERTLINT_PROFILE_DETAILS") == "1")
            Measure("details", () => inventory.Certificates.Sum(c => c.Details.Extensions.Count), out _);
        if (int.TryParse(Environment.GetEnvironmentVariable("CERTLINT_PROFILE_DETAILS_LOOP"), out var loops))
        {
            // Decoding the profile details again and again, single-threaded: for a CPU profiler (perf) to attribute.
            Measure($"details x{loops}", () =>
            {
                var n = 0;
                for (var i = 0; i < loops; i++)
                    foreach (var c in inventory.Certificates) n += CertLint.Parsing.CertificateDetailsParser.Parse(c).Extensions.Count;
                return n;
            }, out _);
        }
        using var sampler = Environment.GetEnvironmentVariable("CERTLINT_PROFILE_ALLOC") == "1" ? new AllocationSampler() : null;
        sampler?.Start();
        Measure("rules", () => RuleEvaluator.Evaluate(inventory, catalog.InForce, new EvaluationContext { Inventory = inventory, Settings = settings }), out var evaluation);
        sampler?.Stop();
        sampler?.Print(40);
        if (Environment.GetEnvironmentVariable("CERTLINT_PROFILE_RULES") == "1")
        {
            // Each rule alone on the same inventory, costliest first: where the rule stage's CPU and allocations go.
            // Allocations are exact (unlike CPU on a shared machine): a rule that allocates per subject shows at once.
            var costs = new List<(string Name, double Ms, double Mb)>();
            // What one Evaluate call costs with no rule at all (subjects, sorting): subtracted from each rule's figure.
            var empty = Cost(() => RuleEvaluator.Evaluate(inventory, [], new EvaluationContext { Inventory = inventory, Settings = settings }));
            foreach (var rule in catalog.InForce)
            {
                var (ms, mb) = Cost(() => RuleEvaluator.Evaluate(inventory, [rule], new EvaluationContext { Inventory = inventory, Settings = settings }));
                costs.Add((rule.Descriptor.Name, ms - empty.Ms, mb - empty.Mb));
            }
            Console.WriteLine($"  (per-rule cost beyond the {empty.Ms:0} ms / {empty.Mb:0.0} MB of an empty evaluation; sums {costs.Sum(c => c.Ms):0} ms, {costs.Sum(c => c.Mb):0} MB over {costs.Count} rules)");
            foreach (var (name, ms, mb) in costs.OrderByDescending(c => c.Mb).Take(30))
                Console.WriteLine($"  {name,-40} {ms,8:0} ms cpu {mb,8:0.0} MB");
        }
        if (Environment.GetEnvironmentVariable("CERTLINT_PROFILE_RULES") == "2")
        {
            // Single-threaded, per rule: applicability and check timed separately over every subject of the rule's
            // kinds, with the subject's field memo open as in a real run. Three passes, the last one counted.
            var subjects = RuleSubjects.Build(inventory);
            var ctx = new EvaluationContext { Inventory = inventory, Settings = settings };
            var rules = catalog.InForce.Where(r => r.Severity != CertLint.Findings.Severity.None).ToArray();
            var applies = new long[rules.Length];
            var checks = new long[rules.Length];
            var bytes = new long[rules.Length];
            for (var pass = 0; pass < 3; pass++)
            {
                Array.Clear(applies);
                Array.Clear(checks);
                Array.Clear(bytes);
                foreach (var subject in subjects)
                {
                    CertLint.Rules.Fields.FieldMemo.Begin(subject, ctx);
                    for (var r = 0; r < rules.Length; r++)
                    {
                        var rule = rules[r];
                        if (!rule.Kinds.Contains(subject.Kind)) continue;
                        var b0 = GC.GetAllocatedBytesForCurrentThread();
                        var t0 = Stopwatch.GetTimestamp();
                        var ok = rule.IsEffectiveFor(subject, ctx.Now.UtcTicks) && rule.AppliesTo(subject, ctx);
                        var t1 = Stopwatch.GetTimestamp();
                        applies[r] += t1 - t0;
                        if (ok)
                        {
                            foreach (var v in rule.Check(subject, ctx)) rule.FormatMessage(subject, ctx, v);
                            checks[r] += Stopwatch.GetTimestamp() - t1;
                        }
                        bytes[r] += GC.GetAllocatedBytesForCurrentThread() - b0;
                    }
                    CertLint.Rules.Fields.FieldMemo.End();
                }
                Console.WriteLine($"  pass {pass + 1}: applicability {applies.Sum() * 1000.0 / Stopwatch.Frequency:0} ms, checks {checks.Sum() * 1000.0 / Stopwatch.Frequency:0} ms, allocated {bytes.Sum() / 1048576.0:0} MB");
            }
            double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
            Console.WriteLine($"  single-threaded: applicability {Ms(applies.Sum()):0} ms, checks {Ms(checks.Sum()):0} ms over {rules.Length} rules");
            foreach (var r in Enumerable.Range(0, rules.Length).OrderByDescending(r => applies[r] + checks[r]).Take(25))
                Console.WriteLine($"  {rules[r].Descriptor.Name,-40} applies {Ms(applies[r]),7:0.0} ms  check {Ms(checks[r]),7:0.0} ms  {bytes[r] / 1048576.0,6:0.0} MB");
            Console.WriteLine("  by allocation:");
            foreach (var r in Enumerable.Range(0, rules.Length).OrderByDescending(r => bytes[r]).Take(25))
                Console.WriteLine($"  {rules[r].Descriptor.Name,-40} applies {Ms(applies[r]),7:0.0} ms  check {Ms(checks[r]),7:0.0} ms  {bytes[r] / 1048576.0,6:0.0} MB");
        }
        if (Environment.GetEnvironmentVariable("CERTLINT_PROFILE_FIELDS") == "1")
        {
            // Each field read once per subject of its kinds, no memo, single-threaded (Details decoded beforehand): what
            // the first read of a field costs, by allocation (exact) and time.
            var subjects = RuleSubjects.Build(inventory);
            var ctx = new EvaluationContext { Inventory = inventory, Settings = settings };
            foreach (var c in inventory.Certificates) _ = c.Details;
            var costs = new List<(string Path, double Ms, double Mb)>();
            foreach (var field in CertLint.Rules.Fields.FieldCatalog.All)
            {
                var b0 = GC.GetAllocatedBytesForCurrentThread();
                var t0 = Stopwatch.GetTimestamp();
                foreach (var subject in subjects)
                {
                    if (!field.Kinds.Contains(subject.Kind)) continue;
                    try { field.Accessor(subject, ctx); } catch (Exception) { }
                }
                costs.Add((field.Path, Stopwatch.GetElapsedTime(t0).TotalMilliseconds, (GC.GetAllocatedBytesForCurrentThread() - b0) / 1048576.0));
            }
            Console.WriteLine($"  fields: {costs.Count}, sums {costs.Sum(c => c.Ms):0} ms, {costs.Sum(c => c.Mb):0} MB");
            foreach (var (path, ms, mb) in costs.OrderByDescending(c => c.Mb).Take(40))
                Console.WriteLine($"  {path,-45} {ms,8:0.0} ms {mb,8:0.0} MB");
        }
        Console.WriteLine($"{discovery.Files.Count} files, {inventory.Certificates.Count} certificates, {inventory.Keys.Count} keys, {evaluation.Findings.Count} findings");
    }

    private static (double Ms, double Mb) Cost(Action work)
    {
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var alloc0 = GC.GetTotalAllocatedBytes(true);
        work();
        var mb = (GC.GetTotalAllocatedBytes(true) - alloc0) / (1024.0 * 1024);
        process.Refresh();
        return ((process.TotalProcessorTime - cpu0).TotalMilliseconds, mb);
    }

    private static void Measure<T>(string stage, Func<T> work, out T result)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        var gc0 = GC.CollectionCount(0);
        var alloc0 = GC.GetTotalAllocatedBytes();
        var wall = Stopwatch.StartNew();
        result = work();
        wall.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpu0;
        var allocated = (GC.GetTotalAllocatedBytes() - alloc0) / (1024.0 * 1024);
        Console.WriteLine($"{stage,-18} wall {wall.Elapsed.TotalMilliseconds,8:0} ms   cpu {cpu.TotalMilliseconds,8:0} ms   alloc {allocated,6:0} MB   gen0 GCs {GC.CollectionCount(0) - gc0,4}");
    }
}
