using CertLint.Engine;
using CertLint.Findings;

namespace CertLint.Cli;

/// <summary>Turns option text into typed values, or a UserErrorException that names the option (exit 2).</summary>
/// <remarks>The parsing itself is Core's <see cref="RequestValues"/>, shared with the MSBuild task and the Action.</remarks>
internal static class OptionParsing
{
    /// <summary>ISO 8601 date or date-time; without an offset it is UTC.</summary>
    public static DateTimeOffset ParseNow(string text) => RequestValues.ParseNow(text);

    public static Severity ParseFailOn(string text, string option = "--fail-on") => RequestValues.ParseFailOn(text, option);
}
