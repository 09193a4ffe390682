namespace CertLint.Rules.Fields;

/// <summary>
/// Calendar months between two instants as the CA/B Forum counts them (a certificate's validity, a CA CRL's update
/// interval): the smallest m with from + m months ≥ to, where adding months clamps to the last day of a shorter month.
/// </summary>
internal static class CalendarMonths
{
    /// <summary>The smallest m with <paramref name="from"/> + m months ≥ <paramref name="to"/>; 0 when to ≤ from.</summary>
    public static long Spanned(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return 0;
        // from + m months falls in to's own month (so it cannot overflow the calendar) and from + (m − 1) in the month
        // before, which is earlier than to: the answer is m, or m + 1 when from + m is still earlier than to.
        var m = (to.Year - from.Year) * 12 + to.Month - from.Month;
        return from.AddMonths(m) < to ? m + 1 : m;
    }
}
