using System.Reflection;

namespace CertLint.Reporting;

/// <summary>Options shared by the report writers. Hosts fill them from their inputs; tests fix the version.</summary>
public sealed record ReportSettings
{
    /// <summary>SARIF automationDetails.id (--category); a trailing "/" is added so GitHub reads it as a category.</summary>
    public string? Category { get; init; }

    /// <summary>Write suppressed findings into SARIF with a `suppressions` entry. Off by default: GitHub shows them as alerts otherwise.</summary>
    public bool IncludeSuppressedInSarif { get; init; }

    /// <summary>tool.driver.semanticVersion, JSON tool.version. Default: the assembly's informational version without build metadata.</summary>
    // The default is read when a report asks for it: reading it is a reflection look-up of the assembly's attributes,
    // which a console run never needs.
    public string ToolVersion { get => _toolVersion ?? ToolInfo.Version; init => _toolVersion = value; }

    private readonly string? _toolVersion;

    /// <summary>The Markdown summary stays under this many UTF-8 bytes (GitHub step summaries are capped at 1 MiB).</summary>
    public int MarkdownMaxBytes { get; init; } = 1024 * 1024 - 1024;

    /// <summary>Base for relative report paths. Null: the current directory.</summary>
    public string? OutputDirectory { get; init; }
}

/// <summary>Identity of the tool as reports name it.</summary>
public static class ToolInfo
{
    public const string Name = "CertLint";
    public const string InformationUri = "https://github.com/certlint/certlint";

    /// <summary>Informational version without "+commit" metadata, so reports do not change with every commit.</summary>
    public static string Version { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var v = typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(ToolInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        var plus = v.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? v : v[..plus];
    }
}
