using CertLint.Engine;

namespace CertLint.Reporting;

/// <summary>The one entry point hosts call to write the report files they were asked for.</summary>
public static class ReportWriter
{
    /// <summary>
    /// Writes every report named in <paramref name="outputs"/>, creating parent folders. Each report is built in memory
    /// and written at once, so a failure never leaves half a file. I/O problems become <see cref="UserErrorException"/>.
    /// </summary>
    public static void WriteFiles(LintResult result, ReportOutputs outputs, ReportSettings? settings = null)
    {
        settings ??= new ReportSettings();
        WriteOne(outputs.Sarif, settings, s => SarifReport.Write(result, s, settings));
        WriteOne(outputs.JUnit, settings, s => JUnitReport.Write(result, s));
        WriteOne(outputs.Json, settings, s => JsonReport.Write(result, s, settings));
        WriteOne(outputs.Markdown, settings, s => MarkdownReport.Write(result, s, settings));
        WriteOne(outputs.CodeQuality, settings, s => CodeQualityReport.Write(result, s));
        WriteOne(outputs.Html, settings, s => Html.HtmlReport.Write(result, s, settings));
    }

    /// <summary>Writes the reports a host's request asks for, with the request's category and SARIF options.</summary>
    public static void WriteFiles(LintResult result, LintRequest request) =>
        WriteFiles(result, request.Reports, new ReportSettings
        {
            Category = request.Category,
            IncludeSuppressedInSarif = request.SarifIncludeSuppressed,
            OutputDirectory = request.WorkingDirectory,
        });

    /// <summary>The bytes of one report, as <see cref="WriteFiles"/> would write them.</summary>
    public static byte[] Render(ReportFormat format, LintResult result, ReportSettings? settings = null)
    {
        settings ??= new ReportSettings();
        using var buffer = new MemoryStream();
        switch (format)
        {
            case ReportFormat.Sarif: SarifReport.Write(result, buffer, settings); break;
            case ReportFormat.JUnit: JUnitReport.Write(result, buffer); break;
            case ReportFormat.Json: JsonReport.Write(result, buffer, settings); break;
            case ReportFormat.Markdown: MarkdownReport.Write(result, buffer, settings); break;
            case ReportFormat.CodeQuality: CodeQualityReport.Write(result, buffer); break;
            case ReportFormat.Html: Html.HtmlReport.Write(result, buffer, settings); break;
            default: throw new ArgumentOutOfRangeException(nameof(format));
        }
        return buffer.ToArray();
    }

    private static void WriteOne(string? path, ReportSettings settings, Action<Stream> write)
    {
        if (string.IsNullOrWhiteSpace(path)) return;
        using var buffer = new MemoryStream();
        write(buffer);
        WriteBytes(path, buffer.ToArray(), settings.OutputDirectory ?? Directory.GetCurrentDirectory());
    }

    /// <summary>Writes a finished report at once (never half a file), creating parent folders; I/O problems are user errors.</summary>
    public static void WriteBytes(string path, byte[] bytes, string workingDirectory)
    {
        var full = Path.GetFullPath(path, workingDirectory);
        if (Directory.Exists(full)) throw new UserErrorException($"{path}: cannot write report: it is a folder; give the report's file name");
        try
        {
            var dir = Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            File.WriteAllBytes(full, bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserErrorException($"{path}: cannot write report: {Reason(e, full)}", e);
        }
    }

    /// <summary>Why a report could not be written, in the user's terms (the framework's text names no cause it can act on).</summary>
    private static string Reason(Exception e, string full)
    {
        if (e is UnauthorizedAccessException) return "permission denied (write to a folder the build can write, such as the working directory)";
        if (FileInAncestors(full) is { } blocker) return $"{blocker} is a file, so no folder can be made there";
        if (e is DirectoryNotFoundException or FileNotFoundException) return "its folder cannot hold files (a read-only or virtual file system)";
        return "an I/O error on the file system (full, read-only or gone)";
    }

    private static string? FileInAncestors(string full)
    {
        for (var dir = Path.GetDirectoryName(full); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
            if (File.Exists(dir)) return dir;
        return null;
    }
}

/// <summary>The report file formats.</summary>
public enum ReportFormat
{
    Sarif,
    JUnit,
    Json,
    Markdown,
    /// <summary>GitLab Code Quality (Code Climate subset).</summary>
    CodeQuality,
    /// <summary>The self-contained HTML page (timeline, chains, findings).</summary>
    Html,
}
