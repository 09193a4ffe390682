using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace CertLint.Action.Tests;

/// <summary>action.yml against GitHub's metadata schema, and the wiring rules the schema cannot express.</summary>
public sealed class ActionMetadataTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(RepoPaths.Schema("github-action.json"))));

    private static JsonObject Action => YamlJson.Load(RepoPaths.ActionYml)!.AsObject();

    private static IEnumerable<JsonObject> Steps => Action["runs"]!["steps"]!.AsArray().Select(s => s!.AsObject());

    private static EvaluationResults Validate(JsonNode node)
    {
        using var doc = JsonDocument.Parse(node.ToJsonString());
        return Schema.Value.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Errors(EvaluationResults results) => string.Join("\n",
        (results.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")));

    [Test]
    public void Action_yml_is_valid_against_the_GitHub_Action_metadata_schema()
    {
        var results = Validate(Action);
        results.IsValid.ShouldBeTrue(Errors(results));
    }

    [Test]
    public void The_schema_check_rejects_metadata_GitHub_would_reject()
    {
        var noDescription = Action;
        noDescription["inputs"]!["paths"]!.AsObject().Remove("description");
        Validate(noDescription).IsValid.ShouldBeFalse();

        var stepWithoutShell = Action;
        stepWithoutShell["runs"]!["steps"]![0]!.AsObject().Remove("shell");
        Validate(stepWithoutShell).IsValid.ShouldBeFalse();
    }

    [Test]
    public void Action_has_the_inputs_and_outputs_of_issues_6_and_19()
    {
        Action["inputs"]!.AsObject().Select(i => i.Key).ShouldBe(
            ["paths", "config", "fail-on", "ca", "hosts", "mailboxes", "now", "sarif-file", "junit-file", "html-file", "upload-html", "html-artifact",
             "upload-sarif", "category", "version", "dotnet-version", "password-env", "allow-empty", "verbose"], ignoreOrder: true);
        Action["outputs"]!.AsObject().Select(o => o.Key).ShouldBe(
            ["findings", "errors", "warnings", "sarif-file", "junit-file", "html-file", "html-url", "exit-code"], ignoreOrder: true);
        Action["inputs"]!["upload-sarif"]!["default"]!.GetValue<string>().ShouldBe("true");
        Action["inputs"]!["upload-html"]!["default"]!.GetValue<string>().ShouldBe("true");
        Action["runs"]!["using"]!.GetValue<string>().ShouldBe("composite");
    }

    [Test]
    public void Every_input_is_used_by_a_step()
    {
        var stepText = string.Join("\n", Steps.Select(s => s.ToJsonString()));
        var unused = Action["inputs"]!.AsObject().Select(i => i.Key)
            .Where(name => !Regex.IsMatch(stepText, $@"inputs\.{Regex.Escape(name)}(?![\w-])"))
            .ToList();
        unused.ShouldBeEmpty();
    }

    [Test]
    public void Every_output_is_set_from_a_step_that_exists()
    {
        var ids = Steps.Select(s => s["id"]?.GetValue<string>()).OfType<string>().ToHashSet();
        foreach (var (name, output) in Action["outputs"]!.AsObject())
        {
            var value = output!["value"]!.GetValue<string>();
            var m = Regex.Match(value, @"^\$\{\{\s*steps\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}$");
            m.Success.ShouldBeTrue($"output {name} = {value}");
            ids.ShouldContain(m.Groups[1].Value, $"output {name} refers to a missing step");
            m.Groups[2].Value.ShouldBe(name);
        }
    }

    [Test]
    public void No_run_block_interpolates_expressions()
    {
        // ${{ }} inside run: is pasted into the script before bash sees it: script injection. Inputs go through env:.
        foreach (var step in Steps.Where(s => s["run"] is not null))
        {
            var run = step["run"]!.GetValue<string>();
            run.ShouldNotContain("${{", customMessage: $"step '{step["name"]}'");
            step["shell"]!.GetValue<string>().ShouldBe("bash");
            run.ShouldStartWith("bash \"$ACTION_PATH/scripts/action/run.sh\" ");
        }
    }

    [Test]
    public void Actions_used_are_pinned_to_a_major_version()
    {
        var uses = Steps.Select(s => s["uses"]?.GetValue<string>()).OfType<string>().ToList();
        uses.ShouldContain(u => u.StartsWith("github/codeql-action/upload-sarif@", StringComparison.Ordinal));
        uses.ShouldContain(u => u.StartsWith("actions/setup-dotnet@", StringComparison.Ordinal));
        uses.ShouldContain(u => u.StartsWith("actions/cache@", StringComparison.Ordinal));
        uses.ShouldContain(u => u.StartsWith("actions/upload-artifact@", StringComparison.Ordinal));
        uses.ShouldAllBe(u => Regex.IsMatch(u, @"@v\d+$"));
    }

    [Test]
    public void The_SARIF_upload_cannot_stop_the_action_before_it_fails_on_findings()
    {
        var upload = Steps.Single(s => s["uses"]?.GetValue<string>().Contains("upload-sarif", StringComparison.Ordinal) == true);
        upload["continue-on-error"]!.GetValue<bool>().ShouldBeTrue();
        Steps.Last()["run"]!.GetValue<string>().ShouldEndWith("run.sh\" finish");
    }

    [Test]
    public void The_HTML_upload_runs_before_the_SARIF_upload_and_cannot_fail_the_action()
    {
        var steps = Steps.ToList();
        int Index(string id) => steps.FindIndex(s => s["id"]?.GetValue<string>() == id);
        var upload = steps[Index("upload-html")];
        upload["uses"]!.GetValue<string>().ShouldStartWith("actions/upload-artifact@");
        upload["continue-on-error"]!.GetValue<bool>().ShouldBeTrue();
        Index("lint").ShouldBeLessThan(Index("upload-html"));
        Index("upload-html").ShouldBeLessThan(Index("html-link"));
        // The step that explains a failed SARIF upload exits 1, which would skip everything after it.
        Index("html-link").ShouldBeLessThan(Index("upload"));
    }
}
