namespace CertLint.Parsing;

/// <summary>
/// The key arithmetic one run may spend beyond each file's allowance (<see cref="Configuration.ScanLimits.ArithmeticBudget"/>),
/// in units of one 1,024-bit modular exponentiation (about 0.3 ms through libcrypto, 8 ms through BigInteger). Every
/// bound on a key's numbers is per object: one 9.6 MB file of 1,500 RSA-8192 private keys had cost 70 s of CPU on
/// Linux and about fifteen times that elsewhere, and a pull request may hold many (composite "primes" cost an
/// exponentiation each too, so nobody has to generate real keys). Spent in file order only, like <see cref="KdfBudget"/>.
/// </summary>
public sealed class ArithmeticBudget(long units)
{
    private long _left = units * ArithmeticMeter.MicroUnits;

    /// <summary>The run's whole budget in units, for messages.</summary>
    public long Total { get; } = units;

    /// <summary>Takes <paramref name="micro"/> micro-units, or nothing and false when fewer are left.</summary>
    public bool TrySpend(long micro) => KdfBudget.TryTake(ref _left, micro);
}

/// <summary>
/// What the file being parsed on this thread may spend on key arithmetic: <see cref="Allowance"/> units of its own, then
/// (in the ordered pass) the run's <see cref="ArithmeticBudget"/>. A file that needs more than its allowance in the
/// parallel pass is deferred to the ordered one (<see cref="ParseDeferredException"/>), so which object the budget
/// refuses never depends on thread scheduling. Charged by <see cref="ModularExponent"/> before each exponentiation,
/// where every costly key check meets (RSA primality, DSA and DH public values, subgroup checks).
/// <para>
/// Ambient rather than passed: the exponentiations sit under the SPKI, key and keystore parsers at a dozen call sites
/// that know nothing of files. <see cref="FileParser"/> opens a meter for each file; arithmetic outside a file's parse
/// (the rules, which bound their own work, handshakes, tools) is not metered. A thread a parser starts takes the meter
/// with it (<see cref="Carry"/>).
/// </para>
/// </summary>
internal sealed class ArithmeticMeter
{
    /// <summary>Micro-units per unit: a 256-bit exponentiation (an EC field check) costs 16, not a whole unit.</summary>
    public const long MicroUnits = 1024;

    /// <summary>
    /// Each file's own units: one RSA-4096 private key costs 32 (two Miller–Rabin rounds on each 2,048-bit prime), an
    /// RSA-2048 one 4, a DH-2048 one at most 8. Files within it are parsed in parallel and never touch the budget.
    /// </summary>
    public const long Allowance = 64;

    [ThreadStatic] private static ArithmeticMeter? _current;

    private readonly ArithmeticBudget? _budget;
    private readonly bool _deferring;
    private long _spent;

    private ArithmeticMeter(bool deferring, ArithmeticBudget? budget) => (_deferring, _budget) = (deferring, budget);

    /// <summary>The meter of the file parsed on this thread, if any.</summary>
    internal static ArithmeticMeter? Current => _current;

    /// <summary>
    /// Opens a file's meter on this thread until the scope is disposed. <paramref name="deferring"/>: the parallel pass
    /// (past the allowance, the file is deferred); otherwise the excess is paid from <paramref name="budget"/> (none:
    /// unbounded, for callers with no run).
    /// </summary>
    public static Scope Open(bool deferring, ArithmeticBudget? budget) => new(new ArithmeticMeter(deferring, budget));

    /// <summary>Runs <paramref name="action"/> under <paramref name="meter"/> on the calling thread (a parser's own thread).</summary>
    public static void Carry(ArithmeticMeter? meter, Action action)
    {
        using var scope = new Scope(meter);
        action();
    }

    /// <summary>
    /// Pays for raising to an exponent of <paramref name="exponentBits"/> bits modulo a number of <paramref name="modulusBits"/>
    /// bits (cost grows as modulus² × exponent), before it is computed. Throws <see cref="ParseDeferredException"/> in the
    /// parallel pass past the allowance, <see cref="ArithmeticLimitException"/> when the run's budget cannot pay.
    /// </summary>
    public static void Charge(long modulusBits, long exponentBits)
    {
        if (_current is not { } meter || modulusBits <= 0 || exponentBits <= 0) return;
        // At most 2^15 × 2^15 × 2^15 / 2^20 (16,384-bit numbers): no overflow.
        var cost = Math.Max(1, modulusBits * modulusBits / 1024 * exponentBits / 1024);
        meter.Pay(cost);
    }

    private void Pay(long cost)
    {
        var free = Allowance * MicroUnits - _spent;
        _spent += cost;
        if (cost <= free) return;
        if (_deferring) throw new ParseDeferredException();
        if (_budget is not null && !_budget.TrySpend(cost - Math.Max(0, free))) throw new ArithmeticLimitException(_budget.Total);
    }

    /// <summary>Sets a meter on this thread and puts the previous one back on dispose.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly ArithmeticMeter? _previous;

        internal Scope(ArithmeticMeter? meter) => (_previous, _current) = (_current, meter);

        public void Dispose() => _current = _previous;
    }
}

/// <summary>The run's key-arithmetic budget was spent on the files before this object: it is reported, not linted.</summary>
internal sealed class ArithmeticLimitException(long budget) : Exception(
    $"checking its key numbers needs more arithmetic than the run's budget of {PbeInspector.Number(budget)} units " +
    "(limits.arithmeticBudget, spent in file order) has left after the files before it");
