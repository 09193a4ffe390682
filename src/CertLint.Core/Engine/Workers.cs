namespace CertLint.Engine;

/// <summary>
/// The one place that decides whether a stage's loop runs on every core or on the calling thread. A one-file run has
/// one to three items per stage (files, certificates, signature pairs, subjects): handing them to the thread pool
/// created four worker threads and some 400 <c>sched_yield</c> calls of their spinning, more CPU than the items cost.
/// Small loops, and every loop of a run the engine finds small (<see cref="Sequential"/>), run in order on the caller.
/// </summary>
internal static class Workers
{
    /// <summary>Below this many items (files of a run, items of a loop) the work is done on the calling thread.</summary>
    internal const int SequentialBelow = 16;

    /// <summary>Set on a thread whose run is small: every loop it starts runs on it, whatever the loop's length (the
    /// built-in packs' hundred rule files included).</summary>
    [ThreadStatic] private static bool _sequential;

    /// <summary>Whether a run of <paramref name="items"/> inputs is small enough to need no worker thread.</summary>
    public static bool IsSmall(int items) => items < SequentialBelow;

    /// <summary>Runs the loops this thread starts on this thread until disposed (a no-op scope when <paramref name="on"/> is false).</summary>
    public static Scope Sequential(bool on)
    {
        if (!on || _sequential) return default;
        _sequential = true;
        return new Scope(true);
    }

    /// <summary>Ends a <see cref="Sequential"/> scope; the default one does nothing.</summary>
    public readonly struct Scope(bool opened) : IDisposable
    {
        public void Dispose()
        {
            if (opened) _sequential = false;
        }
    }

    /// <summary>Whether a loop of <paramref name="items"/> items started on this thread runs on it.</summary>
    public static bool RunsHere(int items) => _sequential || IsSmall(items);

    /// <summary><see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/> over 0..count-1 on every core, or in order
    /// on this thread when <see cref="RunsHere"/>.</summary>
    public static void For(int count, Action<int> body, CancellationToken cancellationToken = default)
    {
        if (RunsHere(count))
        {
            for (var i = 0; i < count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                body(i);
            }
            return;
        }
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, body);
    }

    /// <summary>As <see cref="For(int, Action{int}, CancellationToken)"/> with a state per worker (one state for the whole
    /// loop when it runs here). <paramref name="items"/> is the work's size when it differs from <paramref name="count"/>
    /// (blocks of subjects).</summary>
    public static void For<TLocal>(int count, Func<TLocal> init, Func<int, TLocal, TLocal> body, Action<TLocal> final, int items = -1)
    {
        if (RunsHere(items < 0 ? count : items))
        {
            var local = init();
            for (var i = 0; i < count; i++) local = body(i, local);
            final(local);
            return;
        }
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, init,
            (i, _, local) => body(i, local), final);
    }
}
