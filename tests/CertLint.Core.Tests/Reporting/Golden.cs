using System.Text;
using Shouldly.Configuration;
using CertLint.Engine;
using CertLint.Reporting;

namespace CertLint.Core.Tests.Reporting;

/// <summary>Approved-file settings and the normalisation of machine-specific bits (the scan root) in reports.</summary>
internal static class Golden
{
    /// <summary>Fixed tool version so approved files do not change with every release.</summary>
    public static readonly ReportSettings Settings = new() { ToolVersion = "1.0.0-test", Category = "certlint/ci" };

    public static Action<ShouldMatchConfigurationBuilder> Config(string extension) =>
        c => c.SubFolder("Approved").WithFileExtension(extension).NoDiff();

    /// <summary>The report as text with the root's file URI and path replaced by ROOT.</summary>
    public static string Text(byte[] report, LintResult result)
    {
        var text = Encoding.UTF8.GetString(report);
        return text.Replace(SarifReport.RootUri(result.Root), "file:///ROOT/", StringComparison.Ordinal)
            .Replace(System.Text.Json.JsonEncodedText.Encode(result.Root, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString(), "/ROOT", StringComparison.Ordinal);
    }

    public static string Render(ReportFormat format, LintResult result, ReportSettings? settings = null) =>
        Text(ReportWriter.Render(format, result, settings ?? Settings), result);
}
