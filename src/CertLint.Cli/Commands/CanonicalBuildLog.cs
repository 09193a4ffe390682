using CertLint.MSBuild;

namespace CertLint.Cli.Commands;

/// <summary>
/// The native tool's <see cref="IBuildLog"/>: MSBuild canonical lines, which the targets' Exec turns into build errors
/// and warnings at their file and line (<c>path(12,1): error CL0101: ...</c>). Notes go to stderr, which the Exec logs
/// at high importance, as the task logs them; everything else is a plain stdout line (normal importance).
/// </summary>
internal sealed class CanonicalBuildLog(TextWriter output, TextWriter error, string? origin) : IBuildLog
{
    public bool HasLoggedErrors { get; private set; }

    public void Error(string code, string? helpKeyword, string? helpLink, string? file, int line, int column, string message)
    {
        HasLoggedErrors = true;
        output.WriteLine(Canonical(file, line, column, "error", code, message));
    }

    public void Warning(string code, string? helpKeyword, string? helpLink, string? file, int line, int column, string message) =>
        output.WriteLine(Canonical(file, line, column, "warning", code, message));

    // "message" is no canonical category, so the Exec keeps the line as a message, printed as the task's note prints.
    public void Note(string code, string? helpKeyword, string? file, int line, int column, string message) =>
        error.WriteLine(Canonical(file, line, column, "message", code, message));

    public void Message(string text, bool high = false) => (high ? error : output).WriteLine(OneLine(text));

    public void Detail(string text) => output.WriteLine(OneLine(text));

    /// <summary>A diagnostic without a file is reported against <c>origin</c> (the targets), as MSBuild places a task's.</summary>
    private string Canonical(string? file, int line, int column, string category, string code, string message)
    {
        var where = file ?? origin ?? "CertLint";
        var position = line > 0 ? FormattableString.Invariant($"({line},{Math.Max(column, 1)})") : " ";
        return $"{where}{position}: {category} {code}: {OneLine(message)}";
    }

    // One diagnostic per line: a line break would end it early and make the rest a plain message.
    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
