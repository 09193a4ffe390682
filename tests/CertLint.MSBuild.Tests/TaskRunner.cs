using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CertLint.MSBuild.Tests;

/// <summary>Runs <see cref="CertLintTask"/> in-process against a <see cref="FakeBuildEngine"/>, in a temporary project folder.</summary>
internal sealed class TaskRunner : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("certlint-task-").FullName;
    public FakeBuildEngine Engine { get; } = new();

    public CertLintTask NewTask() => new()
    {
        BuildEngine = Engine,
        ProjectDirectory = Root,
        Now = CertificateFixtures.NowText,
        SarifFile = "obj/certlint.sarif",
        JUnitFile = "obj/certlint.junit.xml",
    };

    public static ITaskItem[] Items(params string[] specs) => specs.Select(s => (ITaskItem)new TaskItem(s)).ToArray();

    public string PathOf(string relative) => Path.GetFullPath(Path.Combine(Root, relative));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
