using System.Reflection;
using CertLint.Reporting;

namespace CertLint.Core.Tests.Reporting;

/// <summary>The reports' tool version: the assembly's informational version unless a host sets one.</summary>
public sealed class ReportSettingsTests
{
    [Test]
    public void The_default_version_is_the_informational_version_without_build_metadata_and_a_set_one_wins()
    {
        var informational = typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        new ReportSettings().ToolVersion.ShouldBe(informational.Split('+')[0]);
        new ReportSettings().ToolVersion.ShouldBe(ToolInfo.Version);
        var set = new ReportSettings { ToolVersion = "9.9.9-test" };
        set.ToolVersion.ShouldBe("9.9.9-test");
        (set with { Category = "x" }).ToolVersion.ShouldBe("9.9.9-test");
        (new ReportSettings() with { Category = "x" }).ToolVersion.ShouldBe(ToolInfo.Version);
    }
}
