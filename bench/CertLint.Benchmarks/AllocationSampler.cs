using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace CertLint.Benchmarks;

/// <summary>
/// `CERTLINT_PROFILE_ALLOC=1` with `stages`: the runtime's allocation-tick events (one per ~100 KB allocated, naming
/// the type that crossed the mark) during the rule stage, summed by type. A sample, not a count, but unbiased by
/// machine load, so it says what to cut while other work runs on the machine.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private volatile bool _on;

    public void Start() => _on = true;

    public void Stop() => _on = false;

    protected override void OnEventSourceCreated(EventSource source)
    {
        // GC keyword (0x1) at verbose level carries GCAllocationTick.
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_on || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null) return;
        var type = e.PayloadNames?.IndexOf("TypeName") is { } t and >= 0 ? e.Payload[t] as string ?? "?" : "?";
        var amount = e.PayloadNames?.IndexOf("AllocationAmount64") is { } a and >= 0 ? Convert.ToInt64(e.Payload[a]) : 100_000;
        _bytes.AddOrUpdate(type, amount, (_, v) => v + amount);
    }

    public void Print(int top)
    {
        var total = _bytes.Values.Sum();
        Console.WriteLine($"  allocation samples: {total / 1048576.0:0} MB sampled");
        foreach (var (type, bytes) in _bytes.OrderByDescending(kv => kv.Value).Take(top).Select(kv => (kv.Key, kv.Value)))
            Console.WriteLine($"  {bytes / 1048576.0,8:0.0} MB  {type}");
    }
}
