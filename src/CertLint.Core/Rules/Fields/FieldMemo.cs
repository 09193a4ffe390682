using System.Collections.Concurrent;

namespace CertLint.Rules.Fields;

/// <summary>
/// Field values of the subject being evaluated, computed once per subject however many rules read them. Hundreds of
/// rules read the same few derived fields of a certificate (its host names split by the Public Suffix List, its key
/// usages as names, boxed numbers); without this each read rebuilt them, and the rule stage cost grew with rules ×
/// reads instead of with subjects. The memos are per thread and hold one block of subjects at a time: the evaluator
/// opens them for a block and closes them after its last rule, so memory does not grow with the inventory.
/// </summary>
internal static class FieldMemo
{
    private static readonly ConcurrentDictionary<string, int> Slots = new(StringComparer.OrdinalIgnoreCase);

    [ThreadStatic] private static Frame? _current;
    [ThreadStatic] private static Frame[]? _frames;

    /// <summary>The memo slot of a field path, assigned when a rule that reads it compiles.</summary>
    public static int SlotOf(string path)
    {
        if (Slots.TryGetValue(path, out var slot)) return slot;
        lock (Slots) return Slots.GetOrAdd(path, _ => Slots.Count);
    }

    /// <summary>Memoises reads of <paramref name="subject"/> on this thread until <see cref="End"/>.</summary>
    public static void Begin(RuleSubject subject, EvaluationContext context)
    {
        Open(0, subject, context);
        Enter(0);
    }

    public static void End() => Close(1);

    /// <summary>
    /// Opens memo <paramref name="index"/> of this thread's block for <paramref name="subject"/>: the evaluator runs a
    /// block of subjects rule by rule (<see cref="Enter"/> picks the subject whose rule runs), so that one rule's
    /// compiled delegates run many times in a row instead of hundreds of different ones per subject.
    /// </summary>
    public static void Open(int index, RuleSubject subject, EvaluationContext context)
    {
        var frames = _frames ??= new Frame[16];
        if (index >= frames.Length) Array.Resize(ref _frames, Math.Max(index + 1, frames.Length * 2));
        var frame = _frames[index] ??= new Frame();
        frame.Subject = subject;
        frame.Context = context;
        frame.Details.Begin(subject.Certificate);
        // A generation per subject instead of clearing every slot: a slot is valid only when stamped with it.
        if (++frame.Generation == int.MaxValue)
        {
            Array.Clear(frame.Stamps);
            frame.Generation = 1;
        }
    }

    /// <summary>Makes memo <paramref name="index"/> (opened by <see cref="Open"/>) the one reads of its subject use.</summary>
    public static void Enter(int index)
    {
        var frame = _frames![index];
        _current = frame;
        Model.DetailsScope.Enter(frame.Details);
    }

    /// <summary>Closes memos 0 to <paramref name="count"/> - 1: no certificate data kept alive by an idle thread.</summary>
    public static void Close(int count)
    {
        _current = null;
        Model.DetailsScope.Enter(null);
        if (_frames is not { } frames) return;
        for (var i = 0; i < count && i < frames.Length; i++)
        {
            if (frames[i] is not { } frame) continue;
            frame.Subject = null;
            frame.Context = null;
            frame.Details.End();
            Array.Clear(frame.Values);
        }
    }

    public static object? Get(RuleSubject subject, EvaluationContext context, int slot, FieldAccessor read)
    {
        var frame = _current;
        if (frame is null || !ReferenceEquals(frame.Subject, subject) || !ReferenceEquals(frame.Context, context))
            return read(subject, context);
        if (slot >= frame.Stamps.Length) frame.Grow(Slots.Count);
        if (frame.Stamps[slot] == frame.Generation) return frame.Values[slot];
        var value = read(subject, context);
        frame.Values[slot] = value;
        frame.Stamps[slot] = frame.Generation;
        return value;
    }

    private sealed class Frame
    {
        public RuleSubject? Subject;
        public EvaluationContext? Context;
        public readonly Model.DetailsScope.Slot Details = new();
        public int Generation;
        public int[] Stamps = new int[64];
        public object?[] Values = new object?[64];

        public void Grow(int count)
        {
            var size = Math.Max(count, Stamps.Length * 2);
            Array.Resize(ref Stamps, size);
            Array.Resize(ref Values, size);
        }
    }
}
