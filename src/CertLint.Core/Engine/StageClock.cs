using System.Diagnostics;

namespace CertLint.Engine;

/// <summary>
/// With CERTLINT_TIMINGS=1 in the environment, each pipeline stage's wall and CPU time goes to standard error: where a
/// run spends its time on a user's own repository, with the real (ReadyToRun or Native AOT) build. Off, it costs nothing.
/// </summary>
internal sealed class StageClock
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("CERTLINT_TIMINGS") == "1";
    private long _wall = Stopwatch.GetTimestamp();
    private TimeSpan _cpu = Enabled ? Process.GetCurrentProcess().TotalProcessorTime : default;

    public void Lap(string stage)
    {
        if (!Enabled) return;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        Console.Error.WriteLine($"certlint timing: {stage,-14} wall {Stopwatch.GetElapsedTime(_wall).TotalMilliseconds,7:0} ms  cpu {(cpu - _cpu).TotalMilliseconds,7:0} ms  heap {GC.GetTotalMemory(false) / 1048576,5} MB  GC pauses {GC.GetTotalPauseDuration().TotalMilliseconds,6:0} ms  gen0 {GC.CollectionCount(0),4}  allocated {GC.GetTotalAllocatedBytes() / 1048576,5} MB");
        _wall = Stopwatch.GetTimestamp();
        _cpu = cpu;
    }
}
