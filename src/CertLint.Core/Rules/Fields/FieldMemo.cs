using System.Collections.Concurrent;

namespace CertLint.Rules.Fields;

/// <summary>
/// Field values of the subject being evaluated, computed once per subject however many rules read them. Hundreds of
/// rules read the same few derived fields of a certificate (its host names split by the Public Suffix List, its key
/// usages as names, boxed numbers); without this each read rebuilt them, and the rule stage cost grew with rules ×
/// reads instead of with subjects. The memo is per thread and holds one subject at a time: the evaluator opens it for
/// a subject and closes it after its last rule, so memory does not grow with the inventory.
/// </summary>
internal static class FieldMemo
{
    private static readonly ConcurrentDictionary<string, int> Slots = new(StringComparer.OrdinalIgnoreCase);

    [ThreadStatic] private static Frame? _current;

    /// <summary>The memo slot of a field path, assigned when a rule that reads it compiles.</summary>
    public static int SlotOf(string path)
    {
        if (Slots.TryGetValue(path, out var slot)) return slot;
        lock (Slots) return Slots.GetOrAdd(path, _ => Slots.Count);
    }

    /// <summary>Memoises reads of <paramref name="subject"/> on this thread until <see cref="End"/>.</summary>
    public static void Begin(RuleSubject subject, EvaluationContext context)
    {
        var frame = _current ??= new Frame();
        frame.Subject = subject;
        frame.Context = context;
        Model.DetailsScope.Begin(subject.Certificate);
        // A generation per subject instead of clearing every slot: a slot is valid only when stamped with it.
        if (++frame.Generation == int.MaxValue)
        {
            Array.Clear(frame.Stamps);
            frame.Generation = 1;
        }
    }

    public static void End()
    {
        Model.DetailsScope.End();
        if (_current is { } frame)
        {
            frame.Subject = null;
            frame.Context = null;
            Array.Clear(frame.Values); // no certificate data kept alive by an idle thread
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
