using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CertLint.MSBuild;

/// <summary>The task's <see cref="IBuildLog"/>: MSBuild's own logger, with the rule's name and help link on each diagnostic.</summary>
internal sealed class TaskLog(TaskLoggingHelper log) : IBuildLog
{
    // A subcategory would print before "error" and break the canonical format.
    private const string? Subcategory = null;

    public bool HasLoggedErrors => log.HasLoggedErrors;

    // Messages are passed as "{0}" arguments: a task host sends arguments as strings, and a brace in a message must not be a format item.
    public void Error(string code, string? helpKeyword, string? helpLink, string? file, int line, int column, string message) =>
        log.LogError(Subcategory, code, helpKeyword, helpLink, file, line, column, 0, 0, "{0}", message);

    public void Warning(string code, string? helpKeyword, string? helpLink, string? file, int line, int column, string message) =>
        log.LogWarning(Subcategory, code, helpKeyword, helpLink, file, line, column, 0, 0, "{0}", message);

    public void Note(string code, string? helpKeyword, string? file, int line, int column, string message) =>
        log.LogMessage(Subcategory, code, helpKeyword, file, line, column, 0, 0, MessageImportance.High, "{0}", message);

    public void Message(string text, bool high = false) =>
        log.LogMessage(high ? MessageImportance.High : MessageImportance.Normal, "{0}", text);

    public void Detail(string text) => log.LogMessage(MessageImportance.Low, "{0}", text);
}
