using CertLint.Engine;
using CertLint.MSBuild;

namespace CertLint.Cli.Commands;

/// <summary>
/// Reads the request file of `certlint msbuild-task`: the task's parameter names, each once, as the targets write them.
/// Lists split on semicolons and booleans parse the way MSBuild converts a property for a task parameter.
/// </summary>
internal static class MSBuildRequestFile
{
    /// <summary>The settings, and the file errors without a location of their own are reported against (the targets).</summary>
    public static (TaskSettings Settings, string? Origin) Read(IEnumerable<string> lines)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Where(l => l.Length > 0))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) throw new UserErrorException($"{MSBuildTaskCommand.Name}: not a Name=Value line: {line}");
            values[line[..equals]] = line[(equals + 1)..];
        }
        string? Text(string name) => values.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
        IReadOnlyList<string> List(string name) =>
            Text(name)?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        bool Flag(string name, bool unset) => Text(name)?.Trim().ToLowerInvariant() switch
        {
            null => unset,
            "true" or "on" or "yes" or "!false" => true,
            "false" or "off" or "no" or "!true" => false,
            var other => throw new UserErrorException($"{name}: '{other}' is not true or false."),
        };
        var settings = new TaskSettings
        {
            ProjectDirectory = Text("ProjectDirectory") ?? throw new UserErrorException($"{MSBuildTaskCommand.Name}: the request names no ProjectDirectory."),
            Discover = Flag("Discover", unset: true),
            Files = List("Files"),
            Exclude = List("Exclude"),
            FailOn = Text("FailOn"),
            Config = Text("Config"),
            Rules = List("Rules"),
            Now = Text("Now"),
            SarifFile = Text("SarifFile"),
            JUnitFile = Text("JUnitFile"),
            HtmlFile = Text("HtmlFile"),
            Ca = List("Ca"),
            Hosts = List("Hosts"),
            Mailboxes = List("Mailboxes"),
            PasswordEnv = Text("PasswordEnv"),
            AllowEmpty = Flag("AllowEmpty", unset: false),
            Verbose = Flag("Verbose", unset: false),
        };
        return (settings, Text("Origin"));
    }
}
