using System.Reflection;
using System.Xml.Linq;
using CertLint.Discovery;

namespace CertLint.MSBuild.Tests;

/// <summary>The .targets file's own view of the project, checked against Core so the two cannot drift apart.</summary>
public class TargetsFileTests
{
    private static readonly XDocument Targets = XDocument.Load(Path.Combine(
        typeof(TargetsFileTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CertLintRepoRoot").Value!,
        "src/CertLint.MSBuild/build/CertLint.MSBuild.targets"));

    [Test]
    public void Incremental_inputs_use_the_extensions_discovery_always_parses()
    {
        var extensions = Targets.Descendants("CertLintExtensions").Single().Value.Split(';').Select(e => "." + e);

        extensions.ShouldBe(CandidateSniffer.CandidateExtensions, ignoreOrder: true);
    }

    [Test]
    public void Task_runs_in_the_dotnet_task_host()
    {
        var usingTask = Targets.Descendants("UsingTask").Single();

        ((string?)usingTask.Attribute("TaskFactory")).ShouldBe("TaskHostFactory");
        ((string?)usingTask.Attribute("Runtime")).ShouldBe("NET");
        ((string?)usingTask.Attribute("TaskName")).ShouldBe(typeof(CertLintTask).FullName);
    }
}
