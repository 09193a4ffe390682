using CertLint.Engine;
using CertLint.Findings;

namespace CertLint.MSBuild;

/// <summary>Translates the task's parameters (as MSBuild passed them) into a <see cref="LintRequest"/>; Core applies the precedence.</summary>
internal static class TaskRequest
{
    /// <summary>The request, or null when discovery is off and no file was given.</summary>
    public static LintRequest? Build(TaskSettings task)
    {
        var root = Path.GetFullPath(task.ProjectDirectory);
        var files = Specs(task.Files, root);
        if (!task.Discover && files.Count == 0)
        {
            return null;
        }
        return new LintRequest
        {
            // With discovery: no paths, so Core picks the configuration's `paths` or the project folder, like the CLI.
            // Without it the listed files are the whole scan.
            Paths = task.Discover ? [] : files,
            ExtraFiles = task.Discover ? files : [],
            WorkingDirectory = root,
            Exclude = task.Exclude.ToList(),
            ConfigPath = Absolute(task.Config, root),
            RuleDirectories = Specs(task.Rules, root),
            CaFiles = Specs(task.Ca, root),
            Hosts = Names(task.Hosts),
            Mailboxes = Names(task.Mailboxes),
            Now = ParseNow(task.Now),
            FailOn = ParseFailOn(task.FailOn),
            PasswordEnv = Blank(task.PasswordEnv),
            AllowEmpty = task.AllowEmpty,
            ListSkipped = task.Verbose,
            Reports = new ReportOutputs(Sarif: Absolute(task.SarifFile, root), JUnit: Absolute(task.JUnitFile, root), Html: Absolute(task.HtmlFile, root)),
        };
    }

    private static List<string> Specs(IReadOnlyList<string> items, string root) =>
        items.Select(i => Absolute(i, root)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    private static List<string> Names(IReadOnlyList<string> items) => items.Select(h => h.Trim()).Where(h => h.Length > 0).ToList();

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? Absolute(string? path, string root) =>
        Blank(path) is { } p ? Path.GetFullPath(p, root) : null;

    private static Severity? ParseFailOn(string? text) =>
        Blank(text) is { } value ? RequestValues.ParseFailOn(value, "CertLintFailOn") : null;

    private static DateTimeOffset? ParseNow(string? text) =>
        Blank(text) is { } value ? RequestValues.ParseNow(value, "CertLintNow") : null;
}
