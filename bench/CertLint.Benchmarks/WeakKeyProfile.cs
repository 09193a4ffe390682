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
/// `weak-keys DIR`: the CPU time of the weak-key rules inside one process, without start-up, discovery or parsing:
/// the rule stage with every other rule (the yardstick), then with the weak-key rules added, then each weak-key rule
/// alone on a fresh inventory (so each pays the key decoding it shares with the others when they run together).
/// Each figure is the best of <c>runs</c>: on a shared machine the minimum is the least disturbed.
/// </summary>
public static class WeakKeyProfile
{
    public static readonly string[] Rules =
    [
        "weak-key-roca", "weak-key-fermat", "weak-key-small-factor", "weak-key-shared-prime", "weak-key-rsa-even-modulus",
        "weak-key-rsa-exponent", "weak-key-rsa-exponent-small", "ec-key-invalid", "key-known-compromised", "key-exposed-public-cert",
        "weak-key-rsa-prime-modulus", "weak-key-rsa-private-exponent-small", "key-private-inconsistent", "weak-key-ec-scalar-small",
        "weak-key-rsa-pattern",
    ];

    public static void Run(string dir, DateTimeOffset now, int runs = 3)
    {
        var request = new LintRequest { Paths = [dir], WorkingDirectory = dir, Now = now };
        var settings = SettingsResolver.Resolve(request, TimeProvider.System);
        var catalog = RuleCatalog.Load(settings);
        var discovery = FileDiscovery.Discover(settings);
        var parsed = FileParser.ParseAll(discovery.Files, new SettingsPasswordSource(settings));
        var weak = catalog.InForce.Where(r => Rules.Contains(r.Name)).ToArray();
        var others = catalog.InForce.Where(r => !Rules.Contains(r.Name)).ToArray();
        double Cpu(IReadOnlyList<CompiledRule> rules) => Best(runs, () =>
        {
            var inventory = InventoryBuilder.Build(parsed, [], settings);
            return () => RuleEvaluator.Evaluate(inventory, rules, new EvaluationContext { Inventory = inventory, Settings = settings });
        });
        var off = Cpu(others);
        var on = Cpu([.. others, .. weak]);
        Console.WriteLine($"{parsed.Count} files; rule stage CPU (best of {runs}): weak-key rules off {off:0} ms, on {on:0} ms, " +
                          $"ratio {on / off:0.000}, cost {on - off:0} ms");
        foreach (var rule in weak) Console.WriteLine($"  {rule.Name,-28} alone {Cpu([rule]):0} ms");
    }

    /// <summary>The least CPU time (ms) of <paramref name="runs"/> runs; <paramref name="prepare"/> is not timed.</summary>
    private static double Best(int runs, Func<Action> prepare)
    {
        var best = double.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            var work = prepare();
            GC.Collect();
            var process = Process.GetCurrentProcess();
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            work();
            process.Refresh();
            best = Math.Min(best, (process.TotalProcessorTime - cpu0).TotalMilliseconds);
        }
        return best;
    }
}
