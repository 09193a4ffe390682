using System.Globalization;
using System.Text.RegularExpressions;

namespace CertLint.Rules.Compilation;

/// <summary>A date option: an ISO date/time (UTC unless it says otherwise), or `now`, `now+30d`, `now-12h`.</summary>
internal sealed partial class DateSpec
{
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

    public static DateSpec? TryParse(string text)
    {
        var t = text.Trim();
        var m = Relative().Match(t);
        if (m.Success)
        {
            if (!m.Groups[1].Success) return new DateSpec(null, TimeSpan.Zero);
            var n = long.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
            if (n > 100_000) return null;
            var sign = m.Groups[2].Value == "-" ? -1 : 1;
            var span = m.Groups[4].Value switch
            {
                "d" => TimeSpan.FromDays(n),
                "h" => TimeSpan.FromHours(n),
                "w" => TimeSpan.FromDays(7 * n),
                _ => TimeSpan.FromDays(365 * n),
            };
            return new DateSpec(null, sign * span);
        }
        if (DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d))
            return new DateSpec(d, TimeSpan.Zero);
        return null;
    }

    [GeneratedRegex(@"^now(\s*([+-])\s*([0-9]+)([dhwy]))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Relative();
}
