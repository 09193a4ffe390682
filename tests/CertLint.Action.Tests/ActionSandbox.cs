using CertLint.Action.Tests.Harness;

namespace CertLint.Action.Tests;

/// <summary>A workspace and RUNNER_TEMP for one test, and a runner for the repository's action.yml.</summary>
internal sealed class ActionSandbox : IDisposable
{
    public ActionSandbox()
    {
        Root = Directory.CreateTempSubdirectory("certlint-action-").FullName;
        Workspace = Directory.CreateDirectory(Path.Combine(Root, "workspace")).FullName;
        RunnerTemp = Directory.CreateDirectory(Path.Combine(Root, "runner_temp")).FullName;
    }

    public string Root { get; }
    public string Workspace { get; }
    public string RunnerTemp { get; }

    public ActionRunner Runner(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? preset = null,
        Func<string, string>? usesOutcome = null, string actionRef = "") =>
        new(RepoPaths.Root, Workspace, RunnerTemp)
        {
            Preset = preset ?? new Dictionary<string, IReadOnlyDictionary<string, string>>(),
            UsesOutcome = usesOutcome ?? (_ => "success"),
            UsesOutputs = UploadArtifact,
            ActionRef = actionRef,
        };

    /// <summary>
    /// What actions/upload-artifact answers: the artifact's URL, once it has checked the file is there (it fails
    /// on a missing one with `if-no-files-found: error`). Other `uses:` steps have no outputs the action reads.
    /// </summary>
    public static IReadOnlyDictionary<string, string> UploadArtifact(string uses, IReadOnlyDictionary<string, string> with)
    {
        if (!uses.StartsWith("actions/upload-artifact@", StringComparison.Ordinal)) return new Dictionary<string, string>();
        File.Exists(with["path"]).ShouldBeTrue($"upload-artifact: no file at '{with["path"]}'");
        with["if-no-files-found"].ShouldBe("error");
        return new Dictionary<string, string> { ["artifact-url"] = $"https://github.example/o/r/actions/runs/1/artifacts/{with["name"]}" };
    }

    /// <summary>Runs one sub-command of scripts/action/run.sh with a fresh GITHUB_OUTPUT, returning its outputs.</summary>
    public (Bash.Result Result, Dictionary<string, string> Outputs) RunScript(string command, Dictionary<string, string> env)
    {
        var output = Path.Combine(Root, $"output-{Guid.NewGuid():N}");
        File.WriteAllText(output, "");
        env["GITHUB_OUTPUT"] = output;
        env.TryAdd("RUNNER_TEMP", RunnerTemp);
        env.TryAdd("GITHUB_WORKSPACE", Workspace);
        var result = Bash.Run(Path.Combine(RepoPaths.Root, "scripts", "action", "run.sh"), env, Workspace, command);
        return (result, FileCommands.ReadOutputs(output));
    }

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Workspace, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
