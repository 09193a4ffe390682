using CertLint.Action.Tests.Harness;

namespace CertLint.Action.Tests;

/// <summary>
/// The action's steps run as the runner would, with a stand-in for certlint that records its arguments and exits
/// as told: the wiring, the argument splitting and the exit-code handling, independent of the engine.
/// </summary>
public sealed class ActionScriptTests
{
    private ActionSandbox _box = null!;
    private string _argsFile = "";
    private Dictionary<string, IReadOnlyDictionary<string, string>> _preset = null!;

    private const string FakeCertLint = """
        #!/usr/bin/env bash
        printf '%s\n' "$@" > "$FAKE_ARGS"
        while [[ $# -gt 0 ]]; do
          case $1 in
            --sarif|--junit) [[ -n ${FAKE_REPORTS:-} ]] && echo '{}' > "$2"; shift ;;
            --markdown) [[ -n ${FAKE_REPORTS:-} ]] && printf '## CertLint (fake)\n' > "$2"; shift ;;
            --html) [[ -n ${FAKE_REPORTS:-} ]] && printf '<!DOCTYPE html>\n' > "$2"; shift ;;
          esac
          shift
        done
        exit "${FAKE_EXIT:-0}"
        """;

    [SetUp]
    public void SetUp()
    {
        _box = new ActionSandbox();
        var fake = Path.Combine(_box.Root, "fake-certlint");
        File.WriteAllText(fake, FakeCertLint.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _argsFile = Path.Combine(_box.Root, "args");
        _preset = new() { ["install"] = new Dictionary<string, string> { ["command"] = fake } };
    }

    [TearDown]
    public void TearDown() => _box.Dispose();

    private ActionRun Run(Dictionary<string, string> inputs, int exit = 0, bool reports = true, string uploadOutcome = "success",
        string htmlUploadOutcome = "success")
    {
        var runner = _box.Runner(_preset, uses =>
            uses.Contains("upload-sarif", StringComparison.Ordinal) ? uploadOutcome
            : uses.Contains("upload-artifact", StringComparison.Ordinal) ? htmlUploadOutcome
            : "success");
        foreach (var (k, v) in inputs) runner.Inputs[k] = v;
        runner.JobEnvironment["FAKE_ARGS"] = _argsFile;
        runner.JobEnvironment["FAKE_EXIT"] = exit.ToString();
        if (reports) runner.JobEnvironment["FAKE_REPORTS"] = "1";
        return runner.Run();
    }

    private string[] Args => File.ReadAllLines(_argsFile);

    [Test]
    public void Inputs_become_separate_arguments_and_are_never_run_as_shell_code()
    {
        var run = Run(new()
        {
            ["paths"] = "certs/a b.pem\n\n  $(touch pwned) ; rm -rf x  \n-weird.pem\n# a comment\nglob/**/*.{pem,crt}\n",
            ["ca"] = "ca1.pem, ca 2.pem\nca3.pem",
            ["hosts"] = "a.example,b.example",
            ["mailboxes"] = "billing@a.example\nops@a.example",
            ["now"] = "2026-06-01T00:00:00Z",
            ["fail-on"] = "warning",
            ["config"] = "cfg/.certlint.yml",
            ["category"] = "certs",
            ["password-env"] = "MY_PASSWORD",
        });

        run.Failed.ShouldBeFalse(run.ToString());
        var args = Args;
        var sarif = args[Array.IndexOf(args, "--sarif") + 1];
        var junit = args[Array.IndexOf(args, "--junit") + 1];
        var html = args[Array.IndexOf(args, "--html") + 1];
        var markdown = args[Array.IndexOf(args, "--markdown") + 1];
        args.ShouldBe([
            "lint", "--github", "--sarif", sarif, "--junit", junit, "--html", html, "--markdown", markdown,
            "--config", "cfg/.certlint.yml", "--fail-on", "warning", "--now", "2026-06-01T00:00:00Z",
            "--category", "certs", "--password-env", "MY_PASSWORD",
            "--ca", "ca1.pem", "--ca", "ca 2.pem", "--ca", "ca3.pem", "--host", "a.example", "--host", "b.example",
            "--mailbox", "billing@a.example", "--mailbox", "ops@a.example",
            "certs/a b.pem", "$(touch pwned) ; rm -rf x", "./-weird.pem", "glob/**/*.{pem,crt}"]);
        File.Exists(Path.Combine(_box.Workspace, "pwned")).ShouldBeFalse();
        sarif.ShouldStartWith(_box.RunnerTemp + "/certlint.");
        junit.ShouldStartWith(_box.RunnerTemp + "/certlint.");
        html.ShouldStartWith(_box.RunnerTemp + "/certlint.");
    }

    [TestCase("true", true)]
    [TestCase("false", false)]
    [TestCase("", false)]
    public void Allow_empty_true_passes_allow_empty_to_certlint(string value, bool passed)
    {
        var run = Run(new() { ["allow-empty"] = value });
        run.Failed.ShouldBeFalse(run.ToString());
        Args.Contains("--allow-empty").ShouldBe(passed);
    }

    [TestCase("true", true)]
    [TestCase("false", false)]
    [TestCase("", false)]
    public void Verbose_true_passes_verbose_to_certlint(string value, bool passed)
    {
        var run = Run(new() { ["verbose"] = value });
        run.Failed.ShouldBeFalse(run.ToString());
        Args.Contains("--verbose").ShouldBe(passed);
    }

    [Test]
    public void Allow_empty_that_is_not_a_boolean_fails_the_lint_step_without_running_certlint()
    {
        var run = Run(new() { ["allow-empty"] = "yes\n::set-output name=x::y" });
        run.Failed.ShouldBeTrue();
        run.Step("lint").ExitCode.ShouldBe(2);
        run.Step("lint").Stdout.ShouldContain("::error title=CertLint action::the input allow-empty must be 'true' or 'false'");
        run.Step("lint").Stdout.ShouldNotContain("set-output");
        File.Exists(_argsFile).ShouldBeFalse();
    }

    [Test]
    public void Relative_report_paths_are_relative_to_the_workspace()
    {
        var run = Run(new() { ["sarif-file"] = "out/certlint.sarif", ["junit-file"] = "out/junit.xml", ["html-file"] = "out/html/report.html" });
        Args.ShouldContain(Path.Combine(_box.Workspace, "out/certlint.sarif"));
        File.Exists(Path.Combine(_box.Workspace, "out/junit.xml")).ShouldBeTrue();
        File.Exists(Path.Combine(_box.Workspace, "out/html/report.html")).ShouldBeTrue();
        run.Outputs["sarif-file"].ShouldBe(Path.Combine(_box.Workspace, "out/certlint.sarif"));
        run.Outputs["junit-file"].ShouldBe(Path.Combine(_box.Workspace, "out/junit.xml"));
        run.Outputs["html-file"].ShouldBe(Path.Combine(_box.Workspace, "out/html/report.html"));
        run.Step("upload-html").With["path"].ShouldBe(run.Outputs["html-file"]);
    }

    [Test]
    public void Findings_fail_the_action_in_the_last_step_after_the_SARIF_upload()
    {
        var run = Run([], exit: 1);

        run.Failed.ShouldBeTrue();
        run.Outputs["exit-code"].ShouldBe("1");
        run.Step("lint").Outcome.ShouldBe("success");
        var upload = run.Step("upload");
        upload.Ran.ShouldBeTrue();
        upload.With["sarif_file"].ShouldBe(run.Outputs["sarif-file"]);
        var last = run.Steps[^1];
        last.Name.ShouldBe("Fail on findings");
        last.ExitCode.ShouldBe(1);
        run.Summary.ShouldContain("## CertLint (fake)");
    }

    [Test]
    public void A_clean_run_passes_and_uploads()
    {
        var run = Run([]);
        run.Failed.ShouldBeFalse(run.ToString());
        run.Outputs["exit-code"].ShouldBe("0");
        run.Step("upload").Ran.ShouldBeTrue();
        run.Step("Explain a failed SARIF upload").Ran.ShouldBeFalse();
        run.Steps[^1].Stdout.ShouldContain("no findings at or above 'error'");
    }

    [Test]
    public void Upload_sarif_false_skips_the_upload()
    {
        var run = Run(new() { ["upload-sarif"] = "false" });
        run.Step("upload").Ran.ShouldBeFalse();
        run.Failed.ShouldBeFalse();
    }

    [Test]
    public void A_failed_upload_fails_with_an_explanation_of_the_permission()
    {
        var run = Run([], uploadOutcome: "failure");
        run.Failed.ShouldBeTrue();
        run.Step("upload").Conclusion.ShouldBe("success", "continue-on-error keeps the job going to the explanation");
        var explain = run.Step("Explain a failed SARIF upload");
        explain.ExitCode.ShouldBe(1);
        explain.Stdout.ShouldStartWith("::error title=CertLint SARIF upload failed::");
        explain.Stdout.ShouldContain("security-events: write");
        explain.Stdout.ShouldContain("upload-sarif: false");
    }

    [Test]
    public void A_usage_error_is_reported_and_fails_without_an_upload()
    {
        var run = Run(new() { ["fail-on"] = "sometimes" }, exit: 2, reports: false);
        run.Failed.ShouldBeTrue();
        run.Outputs["exit-code"].ShouldBe("2");
        run.Outputs["sarif-file"].ShouldBe("");
        run.Outputs["html-file"].ShouldBe("");
        run.Step("upload").Ran.ShouldBeFalse();
        run.Step("upload-html").Ran.ShouldBeFalse();
        run.Step("html-link").Ran.ShouldBeFalse();
        run.Summary.ShouldContain("CertLint could not run (exit code 2)");
        run.Steps[^1].ExitCode.ShouldBe(2);
        run.Steps[^1].Stdout.ShouldContain("usage or configuration error");
    }

    [Test]
    public void The_HTML_report_is_uploaded_as_an_artifact_and_linked_at_the_end_of_the_summary()
    {
        var run = Run([], exit: 1);

        var upload = run.Step("upload-html");
        upload.Ran.ShouldBeTrue();
        upload.With["path"].ShouldBe(run.Outputs["html-file"]);
        upload.With["name"].ShouldBe("certlint-report");
        File.ReadAllText(run.Outputs["html-file"]).ShouldStartWith("<!DOCTYPE html>");
        const string url = "https://github.example/o/r/actions/runs/1/artifacts/certlint-report";
        run.Outputs["html-url"].ShouldBe(url);
        run.Summary.ShouldStartWith("## CertLint (fake)");
        run.Summary.TrimEnd().ShouldEndWith($"**HTML report:** [certlint-report]({url}): expiry timeline, chain graphs and filterable findings (download the artifact and open certlint.html).");
        run.Step("upload").Ran.ShouldBeTrue("the SARIF upload still runs");
        run.Steps[^1].ExitCode.ShouldBe(1);
    }

    [TestCase("", "", "certlint-report")]
    [TestCase("envs/prod", "", "certlint-report-envs-prod")]
    [TestCase("envs/prod", "certs: \"staging\" <1>", "certs---staging---1-")]
    public void The_artifact_name_is_unique_per_category_and_a_valid_artifact_name(string category, string name, string expected)
    {
        var run = Run(new() { ["category"] = category, ["html-artifact"] = name });
        run.Step("upload-html").With["name"].ShouldBe(expected);
        run.Summary.ShouldContain($"**HTML report:** [{expected}](");
    }

    [Test]
    public void A_failed_HTML_upload_is_a_warning_and_the_run_goes_on()
    {
        var run = Run([], htmlUploadOutcome: "failure");

        run.Failed.ShouldBeFalse(run.ToString());
        run.Step("upload-html").Conclusion.ShouldBe("success", "continue-on-error");
        run.Step("html-link").Stdout.ShouldStartWith("::warning title=CertLint HTML report::");
        run.Summary.ShouldContain("The HTML report was not uploaded as an artifact");
        run.Outputs["html-url"].ShouldBe("");
        run.Step("upload").Ran.ShouldBeTrue();
    }

    [Test]
    public void Upload_html_false_writes_the_page_but_neither_uploads_nor_links_it()
    {
        var run = Run(new() { ["upload-html"] = "false" });

        File.Exists(run.Outputs["html-file"]).ShouldBeTrue();
        run.Step("upload-html").Ran.ShouldBeFalse();
        run.Step("html-link").Ran.ShouldBeFalse();
        run.Summary.ShouldNotContain("HTML report");
        run.Failed.ShouldBeFalse();
    }

    [TestCase("v1", "tool", "1.*", "")]
    [TestCase("v1.4", "tool", "1.4.*", "")]
    [TestCase("1.4.2", "tool", "1.4.2", "certlint-Linux-X64-1.4.2")]
    [TestCase("main", "source", "", "")]
    [TestCase("", "source", "", "")]
    public void Prepare_picks_the_tool_version_from_the_action_ref(string actionRef, string mode, string version, string cacheKey)
    {
        var (result, outputs) = _box.RunScript("prepare", new()
        {
            ["ACTION_PATH"] = RepoPaths.Root, ["ACTION_REF"] = actionRef, ["RUNNER_OS"] = "Linux", ["RUNNER_ARCH"] = "X64",
        });
        result.ExitCode.ShouldBe(0, result.ToString());
        outputs["mode"].ShouldBe(mode);
        outputs["version"].ShouldBe(version);
        outputs["cache-key"].ShouldBe(cacheKey);
    }

    [Test]
    public void Prepare_honours_an_explicit_version_and_without_source_installs_the_latest()
    {
        var (_, pinned) = _box.RunScript("prepare", new() { ["ACTION_PATH"] = RepoPaths.Root, ["INPUT_VERSION"] = "2.0.1" });
        pinned["mode"].ShouldBe("tool");
        pinned["version"].ShouldBe("2.0.1");
        pinned["tool-dir"].ShouldEndWith("/certlint/2.0.1");

        var (_, latest) = _box.RunScript("prepare", new() { ["ACTION_PATH"] = _box.Root, ["ACTION_REF"] = "main" });
        latest["mode"].ShouldBe("tool");
        latest["version"].ShouldBe("");
        latest["cache-key"].ShouldBe("");
    }

    [Test]
    public void Prepare_sets_up_dotnet_only_when_no_matching_SDK_is_installed()
    {
        var installed = Bash.Run("-c", [], _box.Root, "dotnet --list-sdks | head -n1 | cut -d. -f1-2").Stdout.Trim();
        installed.ShouldNotBeEmpty();
        var (_, have) = _box.RunScript("prepare", new() { ["ACTION_PATH"] = RepoPaths.Root, ["INPUT_DOTNET_VERSION"] = installed + ".x" });
        have["need-dotnet"].ShouldBe("false");
        var (_, lack) = _box.RunScript("prepare", new() { ["ACTION_PATH"] = RepoPaths.Root, ["INPUT_DOTNET_VERSION"] = "6.0.x" });
        lack["need-dotnet"].ShouldBe("true");
    }
}
