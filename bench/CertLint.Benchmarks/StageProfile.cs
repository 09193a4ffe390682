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
        Measure("rules", () => RuleEvaluator.Evaluate(inventory, catalog.InForce, new EvaluationContext { Inventory = inventory, Settings = settings }), out var evaluation);
        if (Environment.GetEnvironmentVariable("CERTLINT_PROFILE_RULES") == "1")
        {
            // Each rule alone on the same inventory, costliest first: where the rule stage's CPU goes.
            var costs = new List<(string Name, double Ms)>();
            // What one Evaluate call costs with no rule at all (subjects, sorting): subtracted from each rule's figure.
            var baseline = Cpu(() => RuleEvaluator.Evaluate(inventory, [], new EvaluationContext { Inventory = inventory, Settings = settings }));
            foreach (var rule in catalog.InForce)
            {
                costs.Add((rule.Descriptor.Name, Cpu(() => RuleEvaluator.Evaluate(inventory, [rule], new EvaluationContext { Inventory = inventory, Settings = settings })) - baseline));
            }
            Console.WriteLine($"  (per-rule CPU beyond the {baseline:0} ms of an empty evaluation; sum {costs.Sum(c => c.Ms):0} ms over {costs.Count} rules)");
            foreach (var (name, ms) in costs.OrderByDescending(c => c.Ms).Take(25))
                Console.WriteLine($"  {name,-40} {ms,8:0} ms cpu");
        }
        Console.WriteLine($"{discovery.Files.Count} files, {inventory.Certificates.Count} certificates, {inventory.Keys.Count} keys, {evaluation.Findings.Count} findings");
    }

    private static double Cpu(Action work)
    {
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        work();
        process.Refresh();
        return (process.TotalProcessorTime - cpu0).TotalMilliseconds;
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
