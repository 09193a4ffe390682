namespace CertLint.Model;

/// <summary>Day counts of a validity period, computed in one place so that rules, console and every report agree.</summary>
public static class Validity
{
    /// <summary>
    /// Days from <paramref name="now"/> to notAfter, rounded the way people count: a certificate issued for 10 days
    /// and checked a few seconds later has 10 days left, not 9. Negative once expired.
    /// </summary>
    public static long DaysRemaining(DateTimeOffset notAfter, DateTimeOffset now) =>
        (long)Math.Round((notAfter - now).TotalDays, MidpointRounding.AwayFromZero);
}
