using CertLint.Cli;
using CertLint.Engine;


namespace CertLint.Handshake.Tests;

/// <summary>`certlint handshake` through the real command line: options, console output, exit codes.</summary>
[TestFixture]
public sealed class CliHandshakeTests : PkiFixture
{
    private (int Exit, string Out, string Error) Run(params string[] args) => RunWith(_ => null, args);

    private (int Exit, string Out, string Error) RunWith(Func<string, string?> environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, false, false, environment, Pki.Dir, TimeProvider.System);
        var exit = CliApp.Run(args, context);
        return (exit, output.ToString(), error.ToString());
    }

    [Test]
    public void Self_test_of_a_good_pair_exits_0_and_prints_the_session()
    {
        var (exit, output, _) = Run("handshake", "--self-test", "--server-cert", "server.crt", "--server-key", "server.key",
            "--cert", "client.crt", "--key", "client.key", "--ca", "server-root.crt", "--client-ca", "client-ca.crt", "--tls", "1.3", "--timeout", "60");

        exit.ShouldBe(ExitCodes.Success);
        output.ShouldContain("client.crt\n");
        output.ShouldContain("note     CL0600 tls-session  TLS established with 127.0.0.1:");
        output.ShouldContain("TLS 1.3");
    }

    [Test]
    public void With_v_the_reports_list_what_the_rules_skipped_and_the_verdict_does_not_change()
    {
        string[] args = ["handshake", "--self-test", "--server-cert", "server.crt", "--server-key", "server.key",
            "--cert", "client.crt", "--key", "client.key", "--ca", "server-root.crt", "--client-ca", "client-ca.crt", "--tls", "1.3", "--timeout", "60",
            "--json", "out/v.json", "--junit", "out/v.xml"];
        var (plain, _, _) = Run(args);
        using var plainJson = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Pki.Dir, "out/v.json")));

        var (verbose, _, _) = Run([.. args, "-v"]);

        verbose.ShouldBe(ExitCodes.Success);
        plain.ShouldBe(ExitCodes.Success);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Pki.Dir, "out/v.json")));
        // Two handshakes: the port and the cipher may differ, the findings may not.
        string[] Findings(System.Text.Json.JsonDocument d) => [.. d.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("path").GetString()} {f.GetProperty("rule").GetString()} {f.GetProperty("severity").GetString()}")];
        Findings(json).ShouldBe(Findings(plainJson));
        var rules = json.RootElement.GetProperty("rules").EnumerateArray().ToList();
        // key-file-permissions skips the certificate files; tls-no-forward-secrecy (TLS 1.2 and older) the TLS 1.3 endpoint.
        var listed = rules.SelectMany(r => r.GetProperty("notApplicableObjects").EnumerateArray()
            .Select(o => (Rule: r.GetProperty("name").GetString(), Kind: o.GetProperty("object").GetProperty("kind").GetString()))).ToList();
        var all = string.Join("\n", listed);
        listed.ShouldContain(x => x.Rule == "key-file-permissions" && x.Kind == "file", all);
        listed.ShouldContain(x => x.Rule == "tls-no-forward-secrecy" && x.Kind == "endpoint", all);
        foreach (var r in rules)
            r.GetProperty("notApplicable").GetInt32().ShouldBeGreaterThanOrEqualTo(r.GetProperty("notApplicableObjects").GetArrayLength());
        File.ReadAllText(Path.Combine(Pki.Dir, "out/v.xml")).ShouldContain("<skipped type=\"not-applicable\" message=\"not applicable\" />");
        plainJson.RootElement.GetProperty("rules")[0].TryGetProperty("notApplicableObjects", out _).ShouldBeFalse();
    }

    [Test]
    public void Self_test_takes_the_pair_from_the_configuration_when_no_option_names_it()
    {
        File.WriteAllText(Path.Combine(Pki.Dir, "pair.yml"), """
            selfTest:
              server: { cert: server.crt, key: server.key, trusts: [client-ca.crt] }
              client: { cert: expired.crt, key: expired.key, trusts: [server-root.crt] }
            """);

        var (bad, badOutput, _) = Run("handshake", "--self-test", "--config", "pair.yml", "--timeout", "60");
        bad.ShouldBe(ExitCodes.Findings, badOutput);
        badOutput.ShouldContain("error    CL0101 cert-expired  ");
        badOutput.ShouldNotContain("CL061");

        // An option still wins over the configuration: the good client passes with the configured server.
        var (good, goodOutput, _) = Run("handshake", "--self-test", "--config", "pair.yml", "--cert", "client.crt", "--key", "client.key", "--timeout", "60");
        good.ShouldBe(ExitCodes.Success, goodOutput);
        goodOutput.ShouldContain("CL0600 tls-session");
    }

    [Test]
    public void A_self_test_section_without_a_client_is_a_configuration_error_at_its_line()
    {
        File.WriteAllText(Path.Combine(Pki.Dir, "half.yml"), "failOn: error\nselfTest:\n  server: { cert: server.crt, key: server.key }\n");
        var (exit, _, error) = Run("handshake", "--self-test", "--config", "half.yml");
        exit.ShouldBe(ExitCodes.UsageError);
        error.ShouldContain("half.yml:3:");
        error.ShouldContain("'selfTest' needs 'client'");
    }

    [Test]
    public void Self_test_of_a_bad_pair_exits_1_with_the_reason()
    {
        var (exit, output, _) = Run("handshake", "--self-test", "--server-cert", "server.crt", "--server-key", "server.key",
            "--cert", "expired.crt", "--key", "expired.key", "--ca", "server-root.crt", "--client-ca", "client-ca.crt", "--timeout", "60");

        exit.ShouldBe(ExitCodes.Findings);
        output.ShouldContain("error    CL0101 cert-expired  ");
        output.ShouldContain("expired on");
    }

    [Test]
    public void Reports_of_a_live_probe_carry_the_endpoint_subject()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (exit, output, _) = Run("handshake", $"127.0.0.1:{port}", "--timeout", "3", "--sarif", "out/hs.sarif", "--json", "out/hs.json", "--junit", "out/hs.xml");

        exit.ShouldBe(ExitCodes.Findings);
        output.ShouldContain($"tls://127.0.0.1:{port}");
        using var sarif = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Pki.Dir, "out/hs.sarif")));
        var result = sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0];
        result.GetProperty("ruleId").GetString().ShouldBe("CL0601");
        result.GetProperty("properties").GetProperty("objectKind").GetString().ShouldBe("endpoint");
        // An endpoint is an absolute URI of its own, not a path under %SRCROOT%.
        var artifact = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        artifact.GetProperty("uri").GetString().ShouldBe($"tls://127.0.0.1:{port}");
        artifact.TryGetProperty("uriBaseId", out _).ShouldBeFalse();
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Pki.Dir, "out/hs.json")));
        json.RootElement.GetProperty("findings")[0].GetProperty("path").GetString().ShouldBe($"tls://127.0.0.1:{port}");
        File.ReadAllText(Path.Combine(Pki.Dir, "out/hs.xml")).ShouldContain("CL0601 tls-connect-failed");
    }

    [Test]
    public async Task Configuration_sets_rule_severities_for_handshake_rules()
    {
        File.WriteAllText(Path.Combine(Pki.Dir, "strict.yml"), "rules:\n  tls-client-cert-not-requested: { severity: error }\n  tls-session: { severity: off }\n");
        await using var server = LoopbackTlsServer.Start(Pki.ServerOptions(mode: ClientCertificateMode.None));

        var (exit, output, _) = Run("handshake", $"127.0.0.1:{server.Port}", "--servername", "localhost", "--ca", "server-root.crt",
            "--cert", "client.crt", "--key", "client.key", "--config", "strict.yml", "--timeout", "60");

        exit.ShouldBe(ExitCodes.Findings);
        output.ShouldContain("error    CL0608 tls-client-cert-not-requested");
        output.ShouldNotContain("CL0600");
    }

    /// <summary>Passwords reach the handshake through the lint's settings: passwords: by path and passwordEnv: in .certlint.yml.</summary>
    [TestCase("passwords:\n  \"*.p12\": TEAM_P12\n")]
    [TestCase("passwordEnv: TEAM_P12\n")]
    public void Passwords_from_the_configuration_open_the_client_keystore(string config)
    {
        var client = Pki.ClientRootCa.Issue("p12.acme.test", o => o.ClientAuth().Valid(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(90)));
        var path = CertLint.Tests.Pki.TestPki.WritePkcs12(Pki.Dir, "team.p12", "s3cret", client);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(Path.Combine(Pki.Dir, "secrets.yml"), config);
        string[] args = ["handshake", "--self-test", "--server-cert", "server.crt", "--server-key", "server.key", "--pkcs12", "team.p12",
            "--ca", "server-root.crt", "--client-ca", "client-ca.crt", "--timeout", "5", "--config", "secrets.yml"];

        var (exit, output, error) = RunWith(n => n == "TEAM_P12" ? "s3cret" : null, args);
        exit.ShouldBe(ExitCodes.Success, output + error);
        output.ShouldContain("CL0600 tls-session");

        // Without the variable the keystore stays shut: a usage error that names the variable, not a silent pass.
        var (shut, _, why) = Run(args);
        shut.ShouldBe(ExitCodes.UsageError);
        why.ShouldContain("TEAM_P12");
    }

    [Test]
    public void Github_and_baseline_work_as_for_the_lint()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (first, output, _) = Run("handshake", $"127.0.0.1:{port}", "--timeout", "3", "--github", "--sarif", "base.sarif");
        first.ShouldBe(ExitCodes.Findings);
        output.ShouldContain("::error ");
        output.ShouldContain("CL0601");

        // Nothing new since the baseline: --new-only passes.
        var (again, _, _) = Run("handshake", $"127.0.0.1:{port}", "--timeout", "3", "--baseline", "base.sarif", "--new-only", "--sarif", "again.sarif");
        again.ShouldBe(ExitCodes.Success);
        File.ReadAllText(Path.Combine(Pki.Dir, "again.sarif")).ShouldContain("\"baselineState\": \"unchanged\"");
    }

    [Test]
    public async Task Endpoints_of_the_configuration_are_probed_into_one_sarif_run()
    {
        await using var mutual = LoopbackTlsServer.Start(Pki.ServerOptions());
        await using var other = LoopbackTlsServer.Start(Pki.ServerOptions());
        File.WriteAllText(Path.Combine(Pki.Dir, "fleet.yml"), $$"""
            trust: { anchors: [server-root.crt] }
            endpoints:
              - target: 127.0.0.1:{{mutual.Port}}
                servername: localhost
                client: { cert: client.crt, key: client.key }
              - target: 127.0.0.1:{{other.Port}}
                servername: localhost
            """);

        var (exit, output, _) = Run("handshake", "--config", "fleet.yml", "--timeout", "5", "--sarif", "fleet.sarif");

        exit.ShouldBe(ExitCodes.Findings, output);
        using var sarif = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Pki.Dir, "fleet.sarif")));
        sarif.RootElement.GetProperty("runs").GetArrayLength().ShouldBe(1);
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("ruleId").GetString(), r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()))
            .ToList();
        results.ShouldBe([("CL0600", $"tls://127.0.0.1:{mutual.Port}"), ("CL0611", $"tls://127.0.0.1:{other.Port}")], ignoreOrder: true);
    }

    [Test]
    public void An_endpoints_entry_without_a_target_is_a_configuration_error_at_its_line()
    {
        File.WriteAllText(Path.Combine(Pki.Dir, "bad-fleet.yml"), "endpoints:\n  - servername: api.acme.test\n");
        var (exit, _, error) = Run("handshake", "--config", "bad-fleet.yml");
        exit.ShouldBe(ExitCodes.UsageError);
        error.ShouldContain("bad-fleet.yml:2:");
        error.ShouldContain("target");
    }

    [TestCase(new[] { "handshake" }, "needs HOST:PORT, an `endpoints:` list in .certlint.yml, or --self-test")]
    [TestCase(new[] { "handshake", "localhost:1", "--new-only" }, "--new-only needs --baseline")]
    [TestCase(new[] { "handshake", "localhost:1", "--tls", "1.1" }, "--tls: '1.1' is not 1.2 or 1.3")]
    [TestCase(new[] { "handshake", "localhost:1", "--timeout", "soon" }, "--timeout: 'soon'")]
    [TestCase(new[] { "handshake", "localhost:1", "--cert", "missing.crt", "--key", "missing.key" }, "missing.crt: cannot read")]
    [TestCase(new[] { "handshake", "--self-test" }, "--self-test needs the server's certificate and key")]
    public void Usage_errors_exit_2(string[] args, string message)
    {
        var (exit, _, error) = Run(args);

        exit.ShouldBe(ExitCodes.UsageError);
        error.ShouldContain(message);
    }
}
