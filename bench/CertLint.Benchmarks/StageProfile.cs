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
        var request = new LintRequest { Paths = [dir], WorkingDirectory = dir, Now = now };
        Measure("settings + rules", () =>
        {
            var s = SettingsResolver.Resolve(request, time);
            return (s, RuleCatalog.Load(s));
        }, out var loaded);
        var (settings, catalog) = loaded;
        Measure("discover", () => FileDiscovery.Discover(settings), out var discovery);
        var passwords = new SettingsPasswordSource(settings);
        Measure("read + parse", () => FileParser.ParseAll(discovery.Files, passwords), out var parsed);
        Measure("inventory", () => InventoryBuilder.Build(parsed, [], settings), out var inventory);
        Measure("rules", () => RuleEvaluator.Evaluate(inventory, catalog.InForce, new EvaluationContext { Inventory = inventory, Settings = settings }), out var evaluation);
        if (Environment.GetEnvironmentVariable("CERTLINT_PROFILE_RULES") == "1")
        {
            // Each rule alone on the same inventory, costliest first: where the rule stage's CPU goes.
            var costs = new List<(string Name, double Ms)>();
            foreach (var rule in catalog.InForce)
            {
                var process = Process.GetCurrentProcess();
                var cpu0 = process.TotalProcessorTime;
                RuleEvaluator.Evaluate(inventory, [rule], new EvaluationContext { Inventory = inventory, Settings = settings });
                process.Refresh();
                costs.Add((rule.Descriptor.Name, (process.TotalProcessorTime - cpu0).TotalMilliseconds));
            }
            foreach (var (name, ms) in costs.OrderByDescending(c => c.Ms).Take(25))
                Console.WriteLine($"  {name,-40} {ms,8:0} ms cpu");
        }
        Console.WriteLine($"{discovery.Files.Count} files, {inventory.Certificates.Count} certificates, {inventory.Keys.Count} keys, {evaluation.Findings.Count} findings");
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
