using System.Diagnostics;

namespace CertLint.Engine;

/// <summary>
/// With CERTLINT_TIMINGS=1 in the environment, each pipeline stage's wall and CPU time goes to standard error: where a
/// run spends its time on a user's own repository, with the real (ReadyToRun or Native AOT) build. Off, it costs nothing.
/// With CERTLINT_TIMINGS=2 each line also gives the live heap after a full, compacting collection (forced at each stage,
/// so the run's own collection counts and times change): what the model that survives the stage weighs, a figure that
/// does not move with the machine's load.
/// </summary>
internal sealed class StageClock
{
    private static readonly string? Mode = Environment.GetEnvironmentVariable("CERTLINT_TIMINGS");
    private static readonly bool Enabled = Mode is "1" or "2";
    private static readonly bool Census = Mode == "2";
    private long _wall = Stopwatch.GetTimestamp();
    private TimeSpan _cpu = Enabled ? Process.GetCurrentProcess().TotalProcessorTime : default;

    public void Lap(string stage)
    {
        if (!Enabled) return;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        // The last young collection's promoted bytes: how much of the heap a gen0 collection had to copy at this point.
        var promoted = GC.GetGCMemoryInfo(GCKind.Ephemeral).PromotedBytes;
        var live = Census ? $"  live {LiveHeap() / 1024,7} KB" : "";
        Console.Error.WriteLine($"certlint timing: {stage,-14} wall {Stopwatch.GetElapsedTime(_wall).TotalMilliseconds,7:0} ms  cpu {(cpu - _cpu).TotalMilliseconds,7:0} ms  heap {GC.GetTotalMemory(false) / 1048576,5} MB  GC pauses {GC.GetTotalPauseDuration().TotalMilliseconds,6:0} ms  gen0/1/2 {GC.CollectionCount(0),4} {GC.CollectionCount(1),3} {GC.CollectionCount(2),3}  allocated {GC.GetTotalAllocatedBytes(precise: true) / 1024,8} KB  last gen0 promoted {promoted / 1024,6} KB{live}");
        _wall = Stopwatch.GetTimestamp();
        _cpu = cpu;
    }

    private static long LiveHeap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(false);
    }
}
