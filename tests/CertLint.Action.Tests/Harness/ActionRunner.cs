using System.Text.Json.Nodes;

namespace CertLint.Action.Tests.Harness;

/// <summary>What one step did.</summary>
internal sealed record StepRun(
    string Name, string? Id, bool Ran, string Outcome, string Conclusion, int ExitCode,
    string Stdout, string Stderr, IReadOnlyDictionary<string, string> Outputs, IReadOnlyDictionary<string, string> With);

/// <summary>What the whole action did: its steps, outputs, job summary and whether it failed the job.</summary>
internal sealed record ActionRun(IReadOnlyList<StepRun> Steps, IReadOnlyDictionary<string, string> Outputs, string Summary, bool Failed)
{
    public StepRun Step(string idOrName) => Steps.Single(s => s.Id == idOrName || s.Name == idOrName);
    public override string ToString() => string.Join("\n", Steps.Select(s =>
        $"[{s.Name}] ran={s.Ran} outcome={s.Outcome} exit={s.ExitCode}\n{s.Stdout}{s.Stderr}"));
}

/// <summary>
/// Runs a composite action's steps the way the GitHub runner does: evaluates `if:`, `env:` and `with:`, gives
/// each `run:` step fresh GITHUB_OUTPUT/GITHUB_STEP_SUMMARY files and runs it with `bash --noprofile --norc -eo
/// pipefail`, collects step outputs, honours continue-on-error and finally evaluates the action's outputs.
/// `uses:` steps (setup-dotnet, cache, upload-sarif, upload-artifact) cannot run here: they are recorded with their
/// `with:` values and get the outcome <see cref="UsesOutcome"/> says and, when they succeed, the outputs
/// <see cref="UsesOutputs"/> gives.
/// </summary>
internal sealed class ActionRunner(string actionPath, string workspace, string runnerTemp)
{
    public Dictionary<string, string> Inputs { get; } = new(StringComparer.OrdinalIgnoreCase);
    public string ActionRef { get; init; } = "";
    /// <summary>Outcome of a `uses:` step, by its `uses` value; default success.</summary>
    public Func<string, string> UsesOutcome { get; init; } = _ => "success";
    /// <summary>Outputs of a successful `uses:` step, by its `uses` and evaluated `with:` values; default none.</summary>
    public Func<string, IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>> UsesOutputs { get; init; } = (_, _) => Empty;
    /// <summary>Outputs to take instead of running a step (by id): lets tests build the tool once.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Preset { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();
    /// <summary>Extra environment for every step (as a workflow's `env:` would give).</summary>
    public Dictionary<string, string> JobEnvironment { get; } = new(StringComparer.Ordinal);

    public ActionRun Run()
    {
        var action = YamlJson.Load(Path.Combine(actionPath, "action.yml"))!.AsObject();
        var steps = new List<StepRun>();
        var failed = false;
        var summary = new System.Text.StringBuilder();
        string? Context(string path) => Lookup(action, steps, path);
        var expressions = new Expressions(Context, status => status switch
        {
            "always" => true,
            "success" => !failed,
            "failure" => failed,
            _ => false,
        });

        var index = 0;
        foreach (var node in action["runs"]!["steps"]!.AsArray())
        {
            var step = node!.AsObject();
            var name = step["name"]?.GetValue<string>() ?? $"step {index}";
            var id = step["id"]?.GetValue<string>();
            index++;
            if (!expressions.Condition(step["if"]?.ToString()))
            {
                steps.Add(new StepRun(name, id, false, "skipped", "skipped", 0, "", "", Empty, Empty));
                continue;
            }
            var run = id is not null && Preset.TryGetValue(id, out var preset)
                ? new StepRun(name, id, true, "success", "success", 0, "", "", preset, Empty)
                : Execute(step, name, id, index, expressions, summary);
            var continueOnError = expressions.Interpolate(step["continue-on-error"]?.ToString() ?? "false") == "true";
            if (run.Outcome == "failure" && continueOnError) run = run with { Conclusion = "success" };
            if (run.Conclusion == "failure") failed = true;
            steps.Add(run);
        }

        var outputs = action["outputs"]!.AsObject().ToDictionary(
            o => o.Key, o => expressions.Interpolate(o.Value!["value"]!.GetValue<string>()));
        return new ActionRun(steps, outputs, summary.ToString(), failed);
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    private StepRun Execute(JsonObject step, string name, string? id, int index, Expressions expressions, System.Text.StringBuilder summary)
    {
        var with = Evaluate(step["with"], expressions);
        if (step["uses"] is { } uses)
        {
            var usesOutcome = UsesOutcome(uses.GetValue<string>());
            var ok = usesOutcome == "success";
            return new StepRun(name, id, true, usesOutcome, usesOutcome, ok ? 0 : 1, "", "", ok ? UsesOutputs(uses.GetValue<string>(), with) : Empty, with);
        }
        step["shell"]!.GetValue<string>().ShouldBe("bash", "the harness runs bash steps only");
        var files = Directory.CreateDirectory(Path.Combine(runnerTemp, "_runner_file_commands", $"step{index}")).FullName;
        var script = Path.Combine(files, "script.sh");
        File.WriteAllText(script, expressions.Interpolate(step["run"]!.GetValue<string>()));
        var outputFile = Path.Combine(files, "output");
        var summaryFile = Path.Combine(files, "summary");
        File.WriteAllText(outputFile, "");
        File.WriteAllText(summaryFile, "");

        var env = RunnerEnvironment(outputFile, summaryFile);
        foreach (var (key, value) in Evaluate(step["env"], expressions)) env[key] = value;
        var result = Bash.Run(script, env, workspace);
        summary.Append(File.ReadAllText(summaryFile));
        var outcome = result.ExitCode == 0 ? "success" : "failure";
        return new StepRun(name, id, true, outcome, outcome, result.ExitCode, result.Stdout, result.Stderr,
            FileCommands.ReadOutputs(outputFile), with);
    }

    private Dictionary<string, string> RunnerEnvironment(string outputFile, string summaryFile)
    {
        var env = new Dictionary<string, string>(JobEnvironment)
        {
            ["CI"] = "true",
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_WORKSPACE"] = workspace,
            ["GITHUB_ACTION_PATH"] = actionPath,
            ["GITHUB_OUTPUT"] = outputFile,
            ["GITHUB_STEP_SUMMARY"] = summaryFile,
            ["RUNNER_TEMP"] = runnerTemp,
            ["RUNNER_TOOL_CACHE"] = Path.Combine(runnerTemp, "_tool"),
            ["RUNNER_OS"] = "Linux",
        };
        return env;
    }

    private static Dictionary<string, string> Evaluate(JsonNode? map, Expressions expressions) =>
        map is JsonObject o
            ? o.ToDictionary(kv => kv.Key, kv => expressions.Interpolate(kv.Value?.ToString() ?? ""))
            : [];

    private string? Lookup(JsonObject action, List<StepRun> steps, string path)
    {
        var parts = path.Split('.');
        switch (parts[0])
        {
            case "inputs" when parts.Length == 2:
                if (Inputs.TryGetValue(parts[1], out var given)) return given;
                var declared = action["inputs"]![parts[1]] ?? throw new KeyNotFoundException($"Undeclared input '{parts[1]}'.");
                return declared["default"]?.ToString() ?? "";
            case "steps" when parts.Length >= 3:
                var step = steps.LastOrDefault(s => s.Id == parts[1]);
                if (step is null) return "";
                return parts[2] switch
                {
                    "outputs" when parts.Length == 4 => step.Outputs.GetValueOrDefault(parts[3], ""),
                    "outcome" => step.Outcome,
                    "conclusion" => step.Conclusion,
                    _ => throw new NotSupportedException(path),
                };
            case "github" when parts.Length == 2:
                return parts[1] switch
                {
                    "action_path" => actionPath,
                    "action_ref" => ActionRef,
                    "workspace" => workspace,
                    _ => throw new NotSupportedException(path),
                };
            case "runner" when parts.Length == 2:
                return parts[1] switch { "os" => "Linux", "temp" => runnerTemp, _ => throw new NotSupportedException(path) };
            default:
                throw new NotSupportedException($"Context '{path}' is not supported by the test harness.");
        }
    }
}
