namespace CertLint.Findings;

/// <summary>Severity of a finding, ordered so that comparisons mean "at least as severe".</summary>
public enum Severity
{
    /// <summary>Used for --fail-on none and for rules turned off.</summary>
    None = 0,
    Note = 1,
    Warning = 2,
    Error = 3,
}

public static class SeverityText
{
    public static string ToText(this Severity s) => s switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Note => "note",
        _ => "none",
    };

    public static bool TryParse(string? text, out Severity severity)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "error": severity = Severity.Error; return true;
            case "warning": case "warn": severity = Severity.Warning; return true;
            case "note": case "info": severity = Severity.Note; return true;
            case "none": case "off": severity = Severity.None; return true;
            default: severity = Severity.None; return false;
        }
    }
}
