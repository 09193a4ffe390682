namespace CertLint.Parsing;

/// <summary>
/// The key-derivation iterations one run may spend in all (<see cref="Configuration.ScanLimits.KdfBudget"/>). The
/// per-derivation limit alone bounds one attempt, not a pull request of a thousand keystores each claiming the maximum
/// (hours of PBKDF2). Spent in file order only (<see cref="FileParser.ParseAll"/> defers every derivation out of its
/// parallel pass), so which object is refused when it runs out never depends on thread scheduling.
/// </summary>
public sealed class KdfBudget(long iterations)
{
    private long _left = iterations;

    /// <summary>The run's whole budget, for messages.</summary>
    public long Total { get; } = iterations;

    /// <summary>Takes <paramref name="iterations"/> from the budget, or nothing and false when fewer are left.</summary>
    public bool TrySpend(long iterations) => TryTake(ref _left, iterations);

    /// <summary>Takes <paramref name="amount"/> from <paramref name="left"/> atomically, or nothing and false when less is left.</summary>
    internal static bool TryTake(ref long left, long amount)
    {
        while (true)
        {
            var now = Interlocked.Read(ref left);
            if (amount > now) return false;
            if (Interlocked.CompareExchange(ref left, now - amount, now) == now) return true;
        }
    }
}

/// <summary>
/// What one file's parse may derive: every derivation's count is checked against the per-derivation limit before any
/// attempt (<see cref="Check"/>) and paid for from the run's budget just before it runs (<see cref="Spend"/>). A meter
/// without a budget belongs to the parallel pass and defers the whole file to the ordered one instead.
/// </summary>
public sealed class KdfMeter
{
    private readonly KdfBudget? _budget;

    private KdfMeter(long maxIterations, KdfBudget? budget) => (MaxIterations, _budget) = (maxIterations, budget);

    /// <summary>Iteration counts above this are refused before any derivation (<see cref="KdfLimitException"/>).</summary>
    public long MaxIterations { get; }

    /// <summary>A meter that pays from <paramref name="budget"/>: parses in file order.</summary>
    public static KdfMeter Paying(long maxIterations, KdfBudget budget) => new(maxIterations, budget);

    /// <summary>A meter for one object on its own (tools, fuzzing): its own budget of the default size.</summary>
    public static KdfMeter Standalone(long maxIterations) => new(maxIterations, new KdfBudget(Configuration.ScanLimits.MaxKdfBudget));

    /// <summary>A meter for the parallel pass: the first derivation defers the file (<see cref="ParseDeferredException"/>).</summary>
    internal static KdfMeter Deferring(long maxIterations) => new(maxIterations, null);

    /// <summary>Throws <see cref="KdfLimitException"/> when <paramref name="pbe"/> asks for more than one derivation may.</summary>
    public void Check(PbeInfo pbe) => KdfLimitException.Check(pbe, MaxIterations);

    /// <summary>Pays for one derivation under <paramref name="pbe"/> (times <paramref name="count"/>) before it runs.</summary>
    public void Spend(PbeInfo pbe, int count = 1)
    {
        Check(pbe);
        var cost = pbe.Iterations * count; // at most 10^7 * a handful: no overflow
        if (cost <= 0) return;
        if (_budget is null) throw new ParseDeferredException();
        if (!_budget.TrySpend(cost)) throw KdfLimitException.BudgetSpent(pbe, _budget.Total);
    }
}

/// <summary>Thrown in the parallel pass when a file needs a key derivation or more key arithmetic than its allowance (<see cref="ArithmeticMeter"/>): the file is parsed again in file order.</summary>
internal sealed class ParseDeferredException() : Exception("deferred to the ordered pass");
