namespace CertLint.Reporting.Html;

/// <summary>A certificate's state at the report's instant, as the page colours it.</summary>
internal static class CertStatus
{
    /// <summary>The warning window drawn on the timeline: the cert-expiring-soon rule's default.</summary>
    public static readonly TimeSpan WarningWindow = TimeSpan.FromDays(30);

    /// <summary>CSS class suffix: expired, not-yet-valid, expiring or valid.</summary>
    public static string Of(HtmlCert c, DateTimeOffset now) =>
        // Validity is inclusive of both ends (RFC 5280 §4.1.2.5).
        now > c.NotAfter ? "expired"
        : now < c.NotBefore ? "not-yet-valid"
        : c.NotAfter - now <= WarningWindow ? "expiring"
        : "valid";

    public static string Label(string status) => status switch
    {
        "expired" => "expired",
        "not-yet-valid" => "not yet valid",
        "expiring" => "expires soon",
        _ => "valid",
    };
}
