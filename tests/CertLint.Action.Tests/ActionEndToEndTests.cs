using CertLint.Action.Tests.Harness;
using CertLint.Tests.Pki;

namespace CertLint.Action.Tests;

/// <summary>
/// The whole action with the real tool built from this repository's source: a clean folder passes, a bad one
/// (expired certificates, a key that does not match its certificate) fails with annotations, outputs, a summary
/// and a SARIF upload. Certificates are made at test time and linted at a fixed `now`.
/// </summary>
[NonParallelizable]
public sealed class ActionEndToEndTests
{
    private const string Now = "2026-06-01T00:00:00Z";
    private static readonly DateTimeOffset LeafFrom = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LeafTo = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private ActionSandbox _box = null!;
    private static IReadOnlyDictionary<string, string>? _installOutputs;

    [SetUp]
    public void SetUp() => _box = new ActionSandbox();

    [TearDown]
    public void TearDown() => _box.Dispose();

    /// <summary>
    /// Runs the action. The first run in this process runs its install step for real (`dotnet build` of
    /// src/CertLint.Cli, incremental when the solution is already built); later runs reuse that step's outputs.
    /// </summary>
    private ActionRun Run(Dictionary<string, string> inputs)
    {
        var preset = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        if (_installOutputs is not null) preset["install"] = _installOutputs;
        var runner = _box.Runner(preset);
        foreach (var (k, v) in inputs) runner.Inputs[k] = v;
        var run = runner.Run();
        var install = run.Step("install");
        install.Outcome.ShouldBe("success", run.ToString());
        _installOutputs ??= install.Outputs;
        return run;
    }

    private static string[] Commands(ActionRun run) =>
        run.Step("lint").Stdout.Split('\n').Where(l => l.StartsWith("::", StringComparison.Ordinal)).ToArray();

    private (string Folder, string Ca) MakeCleanFolder()
    {
        var root = TestPki.CreateRoot("Action Test Root");
        var leaf = root.Issue("www.example.test", o => o.ServerAuth().Dns("www.example.test").Valid(LeafFrom, LeafTo));
        var certs = Path.Combine(_box.Workspace, "certs");
        TestPki.WritePem(certs, "www.pem", leaf);
        var key = TestPki.WriteKey(certs, "www.key", leaf);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        TestPki.WritePem(Path.Combine(_box.Workspace, "trust"), "root.pem", root);
        return ("certs", "trust/root.pem");
    }

    [Test]
    public void A_clean_folder_passes_with_outputs_summary_and_SARIF_upload()
    {
        var (folder, ca) = MakeCleanFolder();
        var run = Run(new() { ["paths"] = folder, ["ca"] = ca, ["hosts"] = "www.example.test", ["now"] = Now });

        run.Failed.ShouldBeFalse(run.ToString());
        run.Outputs["exit-code"].ShouldBe("0");
        run.Outputs["findings"].ShouldBe("0");
        run.Outputs["errors"].ShouldBe("0");
        Commands(run).ShouldNotContain(l => l.StartsWith("::error", StringComparison.Ordinal));
        File.Exists(run.Outputs["sarif-file"]).ShouldBeTrue();
        File.Exists(run.Outputs["junit-file"]).ShouldBeTrue();
        run.Step("upload").With["sarif_file"].ShouldBe(run.Outputs["sarif-file"]);
        run.Summary.ShouldNotBeNullOrWhiteSpace();

        // The HTML page: written by the tool, uploaded as an artifact, linked from the summary.
        var html = File.ReadAllText(run.Outputs["html-file"]);
        html.ShouldStartWith("<!DOCTYPE html>");
        html.ShouldContain("www.example.test");
        html.ShouldContain("<span class=\"verdict passed\">Passed</span>");
        run.Step("upload-html").With["path"].ShouldBe(run.Outputs["html-file"]);
        run.Step("upload-html").With["name"].ShouldBe("certlint-report");
        run.Summary.ShouldContain($"**HTML report:** [certlint-report]({run.Outputs["html-url"]})");
        run.Outputs["html-url"].ShouldEndWith("/artifacts/certlint-report");
    }

    [Test]
    public void A_bad_folder_fails_with_annotations_most_severe_first_and_a_count_of_the_rest()
    {
        var root = TestPki.CreateRoot("Action Test Root");
        var bad = Path.Combine(_box.Workspace, "bad");
        TestPki.WritePem(bad, "ca.pem", root);
        for (var i = 1; i <= 12; i++)
        {
            var expired = root.Issue($"old{i}.example.test",
                o => o.ServerAuth().Dns($"old{i}.example.test").Valid(new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)));
            TestPki.WritePem(bad, $"expired-{i:00}.pem", expired);
        }
        var odd = root.Issue("odd.example.test", o => o.ServerAuth().Dns("odd.example.test")
            .Valid(new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        TestPki.WritePem(bad, "a,odd:name.pem", odd);
        var server = root.Issue("server.example.test", o => o.ServerAuth().Dns("server.example.test").Valid(LeafFrom, LeafTo));
        var stranger = TestKey.Create(TestKeyType.EcP256);
        TestPki.WriteKeyAndCertificates(bad, "server.pem", stranger, server);

        var run = Run(new() { ["paths"] = "bad", ["now"] = Now });

        run.Failed.ShouldBeTrue();
        run.Outputs["exit-code"].ShouldBe("1");
        var errors = int.Parse(run.Outputs["errors"]);
        errors.ShouldBeGreaterThanOrEqualTo(14);
        int.Parse(run.Outputs["findings"]).ShouldBeGreaterThanOrEqualTo(errors);

        var commands = Commands(run);
        commands.Take(10).ShouldAllBe(l => l.StartsWith("::error file=bad/", StringComparison.Ordinal));
        commands.Count(l => l.StartsWith("::error ", StringComparison.Ordinal)).ShouldBe(10);
        commands.ShouldContain(l => l.StartsWith("::error file=bad/a%2Codd%3Aname.pem,line=1,endLine=", StringComparison.Ordinal)
                                    && l.Contains(",title=CL0101 cert-expired::", StringComparison.Ordinal));
        commands[^1].ShouldStartWith($"::notice title=CertLint%3A more findings::{errors - 10} more errors");

        var sarif = File.ReadAllText(run.Outputs["sarif-file"]);
        sarif.ShouldContain("CL0301");
        sarif.ShouldContain("CL0101");
        run.Summary.ShouldContain("cert-expired");
        File.ReadAllText(run.Outputs["html-file"]).ShouldContain("<span class=\"verdict failed\">Failed</span>");
        run.Step("upload-html").Ran.ShouldBeTrue();
        run.Step("upload").Ran.ShouldBeTrue();
        run.Steps[^1].ExitCode.ShouldBe(1);
    }

    [Test]
    public void A_bad_fail_on_value_is_a_usage_error_the_action_reports()
    {
        var (folder, _) = MakeCleanFolder();
        var run = Run(new() { ["paths"] = folder, ["fail-on"] = "sometimes" });

        run.Failed.ShouldBeTrue();
        run.Outputs["exit-code"].ShouldBe("2");
        run.Step("lint").Stderr.ShouldContain("--fail-on");
        run.Step("upload").Ran.ShouldBeFalse();
        run.Summary.ShouldContain("could not run (exit code 2)");
    }

    [Test]
    public void A_folder_without_certificates_fails_like_the_CLI_unless_allow_empty()
    {
        var docs = Path.Combine(_box.Workspace, "docs");
        Directory.CreateDirectory(docs);
        File.WriteAllText(Path.Combine(docs, "README.md"), "no certificates here\n");

        var run = Run(new() { ["paths"] = "docs", ["now"] = Now });

        run.Failed.ShouldBeTrue(run.ToString());
        run.Outputs["exit-code"].ShouldBe("2");
        Commands(run).ShouldContain(l => l.StartsWith("::error title=CertLint%3A nothing to lint::No certificate, key or keystore was found", StringComparison.Ordinal));
        run.Summary.ShouldContain("**Failed**: no certificate, key or keystore found");
        run.Steps[^1].ExitCode.ShouldBe(2);

        var allowed = Run(new() { ["paths"] = "docs", ["now"] = Now, ["allow-empty"] = "true" });

        allowed.Failed.ShouldBeFalse(allowed.ToString());
        allowed.Outputs["exit-code"].ShouldBe("0");
        Commands(allowed).ShouldNotContain(l => l.StartsWith("::error", StringComparison.Ordinal));
        allowed.Summary.ShouldContain("**Passed**: no certificate, key or keystore found (allowed).");
    }
}
