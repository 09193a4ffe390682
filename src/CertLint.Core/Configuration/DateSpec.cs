using System.Globalization;
using System.Text.RegularExpressions;

namespace CertLint.Configuration;

/// <summary>
/// The one date and duration grammar of CertLint, for rules (`before:`/`after:`, `effective:`, duration parameters),
/// `.certlint.yml` (`suppressions[].expires`) and the hosts' `--now` / CertLintNow:
/// <list type="bullet">
/// <item>a date: ISO 8601 `2027-12-31`, `2027-12-31T23:59`, `2027-12-31T23:59:59`, with optional fraction and offset
/// (`Z`, `+02:00`); without an offset it is UTC;</item>
/// <item>a duration: a whole number and a unit, `w` (weeks), `d` (days), `h` (hours), `m` (minutes), `s` (seconds),
/// `y` (365 days): `30d`, `12h`, `2w`;</item>
/// <item>where a date may follow the clock (rule functions): `now`, `now+30d`, `now-12h`.</item>
/// </list>
/// Every reader reports a bad value with <see cref="DateExpected"/> / <see cref="DurationExpected"/>, so one mistake
/// reads the same wherever it is made.
/// </summary>
public sealed partial class DateSpec
{
    /// <summary>What a fixed date looks like, for error messages.</summary>
    public const string DateExpected = "a date such as 2027-12-31 or 2027-12-31T23:59:59Z";

    /// <summary>What a date that may follow the clock looks like, for error messages.</summary>
    public const string RelativeExpected = DateExpected + ", or now, now+30d, now-12h";

    /// <summary>What a duration looks like, for error messages.</summary>
    public const string DurationExpected = "a duration such as 30d, 12h, 90m or 2w (units w, d, h, m, s, y)";

    /// <summary>The largest number a duration may have: far beyond any certificate's life, small enough never to overflow a date.</summary>
    private const long MaxAmount = 1_000_000;

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mmK", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssK",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ssK",
    ];

    private readonly DateTimeOffset? _fixed;
    private readonly TimeSpan _offset;

    private DateSpec(DateTimeOffset? fixedDate, TimeSpan offset)
    {
        _fixed = fixedDate;
        _offset = offset;
    }

    /// <summary>A calendar date or time, not relative to now.</summary>
    public bool IsFixed => _fixed is not null;

    public DateTimeOffset Resolve(DateTimeOffset now) => _fixed ?? now + _offset;

    /// <summary>A date or `now±DURATION`; null when the text is neither.</summary>
    public static DateSpec? TryParse(string text)
    {
        var t = text.Trim();
        var m = Relative().Match(t);
        if (m.Success)
        {
            if (!m.Groups[1].Success) return new DateSpec(null, TimeSpan.Zero);
            if (TryParseDuration(m.Groups[3].Value) is not { } span) return null;
            return new DateSpec(null, m.Groups[2].Value == "-" ? -span : span);
        }
        return TryParseDate(t) is { } d ? new DateSpec(d, TimeSpan.Zero) : null;
    }

    /// <summary>A fixed date (UTC unless it gives an offset); null when the text is not one.</summary>
    public static DateTimeOffset? TryParseDate(string text) =>
        DateTimeOffset.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d) ? d : null;

    /// <summary>A duration (`30d`); null when the text is not one.</summary>
    public static TimeSpan? TryParseDuration(string text)
    {
        var m = Duration().Match(text.Trim());
        if (!m.Success || !long.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > MaxAmount) return null;
        return m.Groups[2].Value switch
        {
            "w" => TimeSpan.FromDays(7 * n),
            "d" => TimeSpan.FromDays(n),
            "h" => TimeSpan.FromHours(n),
            "m" => TimeSpan.FromMinutes(n),
            "s" => TimeSpan.FromSeconds(n),
            _ => TimeSpan.FromDays(365 * n),
        };
    }

    [GeneratedRegex(@"^now(\s*([+-])\s*([0-9]+\s*[A-Za-z]))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Relative();

    // Units are lower case: `M` is not taken for minutes when someone means months.
    [GeneratedRegex(@"^([0-9]{1,7})\s*([wdhmsy])$")]
    private static partial Regex Duration();
}
