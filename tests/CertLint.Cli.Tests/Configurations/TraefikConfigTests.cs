namespace CertLint.Cli.Tests.Configurations;

/// <summary>
/// Traefik's file provider: tests/fixtures/configs/traefik/good is a dynamic configuration (a certificate, a default
/// and an mTLS option, a servers transport with a client certificate and an inline root CA) and a static one;
/// traefik/bad has one of each defect; traefik/toml-good and traefik/toml-bad say the same in TOML, and toml-broken
/// holds four files Traefik's TOML parser refuses.
/// </summary>
public sealed class TraefikConfigTests
{
    [Test]
    public void Certificates_options_and_transports_are_usages_with_roles_from_use()
    {
        using var repo = new ConfigFixture("traefik/good");
        var o = repo.CleanInventory();
        o.ShouldContain("dynamic.yml:4  traefik server  traefik tls.certificates[0]");
        o.ShouldContain("certificate  certs/server.crt  (dynamic.yml:4 tls.certificates[0].certFile)");
        o.ShouldContain("dynamic.yml:7  traefik server  traefik tls.options default");
        o.ShouldContain("dynamic.yml:10  traefik server  traefik tls.options mtls");
        o.ShouldContain("client CA    certs/ca.crt  (dynamic.yml:14 tls.options.mtls.clientAuth.caFiles[0])");
        o.ShouldContain("verify peer  on (dynamic.yml:15)");
        // maxVersion alone keeps Traefik's default minimum, TLS 1.2: no weak version is read into it.
        o.ShouldContain("protocols    TLSv1.2, TLSv1.3 (dynamic.yml:11 maxVersion)");
        o.ShouldContain("dynamic.yml:24  traefik client  traefik http.serversTransports backend");
        o.ShouldContain("server CA    the PEM text  -> embedded in dynamic.yml  (dynamic.yml:27 http.serversTransports.backend.rootCAs[0])");
        o.ShouldContain("traefik.yml:8  traefik client  traefik serversTransport (static)");
        o.ShouldContain("CN=alice, serial 2003  role client (from dynamic.yml:39 http.serversTransports.backend.certificates[0].certFile)");
        o.ShouldContain("CN=www.example.test, serial 2002  role server (from dynamic.yml:4 tls.certificates[0].certFile)");
        // The root CA written into the YAML is linted at the lines that hold it.
        o.ShouldContain("dynamic.yml:28-37  CN=Fixture TLS CA, serial 2000  role ca");
    }

    [Test]
    public void Each_defect_is_one_finding_at_its_line()
    {
        using var repo = new ConfigFixture("traefik/bad");
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldBe([
            "client-cert-not-verified dynamic.yml:8",
            "config-key-mismatch dynamic.yml:4",
            "parse-error dynamic.yml:13",
            "parse-error dynamic.yml:15",
            "peer-not-verified dynamic.yml:18",
            "tls-version-weak dynamic.yml:6",
        ], outcome.Out);
        outcome.ExitCode.ShouldBe(1);
        ConfigFixture.Messages(json, "tls-version-weak").ShouldBe([
            "traefik tls.options default allows TLSv1.0, TLSv1.1 (dynamic.yml:7 minVersion): allow TLSv1.2 and TLSv1.3 only.",
        ]);
        ConfigFixture.Messages(json, "peer-not-verified").ShouldBe([
            "traefik http.serversTransports insecure at dynamic.yml:18 does not verify the server's certificate (dynamic.yml:19): turn peer verification on and give it the CA file.",
        ]);
        ConfigFixture.Messages(json, "client-cert-not-verified").ShouldHaveSingleItem().ShouldStartWith("traefik tls.options anyclient at dynamic.yml:8 asks clients for a certificate but does not verify it (dynamic.yml:10)");
        ConfigFixture.Messages(json, "parse-error").ShouldBe([
            "dynamic.yml:13 cannot be parsed: clientAuthType RequireAndVerifyClientCert without caFiles (Traefik drops the option). Fix or regenerate the file, or exclude it if it is not a certificate.",
            "dynamic.yml:15 cannot be parsed: unknown minVersion: VersionTLS10, VersionTLS11, VersionTLS12 or VersionTLS13 expected (Traefik ignores it). Fix or regenerate the file, or exclude it if it is not a certificate.",
        ], ignoreOrder: true);
    }

    [Test]
    public void Kubernetes_resources_join_their_secrets_and_each_defect_is_one_finding()
    {
        using var repo = new ConfigFixture("traefik/crds");
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldBe([
            "client-cert-not-verified traefik.yaml:92",
            "config-host-mismatch traefik.yaml:81",
            "peer-not-verified traefik.yaml:103",
            "tls-version-weak traefik.yaml:92",
        ], outcome.Out);
        ConfigFixture.Messages(json, "config-host-mismatch").ShouldHaveSingleItem().ShouldStartWith(
            "IngressRoute shop/web answers for shop.example.test (traefik.yaml:88), but CN=www.example.test, serial 2002 from traefik.yaml:9 Secret shop/web-tls");
        var o = CliRunner.InProcess(repo.Root, null, "inventory", "--now", "2030-01-01").Out;
        o.ShouldContain("traefik.yaml:88  kubernetes server  IngressRoute shop/web");
        o.ShouldContain("hosts        www.example.test, shop.example.test");
        // The TLSOption's CA is the tls.ca of the Secret its secretNames lists; the transport presents certificatesSecrets' tls.crt.
        o.ShouldContain("client CA    tls.ca  -> embedded in traefik.yaml  (traefik.yaml:35 Secret shop/clients-ca stringData.tls.ca)");
        o.ShouldContain("traefik.yaml:103  kubernetes client  ServersTransport shop/backend");
        o.ShouldContain("CN=alice, serial 2003  role client (from traefik.yaml:54 Secret shop/backend-client stringData.tls.crt)");
        o.ShouldContain("CN=www.example.test, serial 2002  role server (from traefik.yaml:9 Secret shop/web-tls stringData.tls.crt)");
        // A TLSStore's defaultCertificate and certificates serve their Secrets (same namespace, "default" when none is
        // written); one the repository does not hold is a usage without a certificate, and no finding.
        o.ShouldContain("""
              traefik.yaml:121  kubernetes server  TLSStore shop/default defaultCertificate
                certificate  tls.crt  -> embedded in traefik.yaml  (traefik.yaml:9 Secret shop/web-tls stringData.tls.crt)
            """.ReplaceLineEndings());
        o.ShouldContain("""
              traefik.yaml:123  kubernetes server  TLSStore shop/default certificates[0]
                certificate  tls.crt  -> embedded in traefik.yaml  (traefik.yaml:9 Secret shop/web-tls stringData.tls.crt)
            """.ReplaceLineEndings());
        o.ShouldContain("traefik.yaml:132  kubernetes server  TLSStore default/default certificates[0]");
    }

    [Test]
    public void Toml_files_are_read_as_their_yaml_twins_with_their_own_lines()
    {
        using var repo = new ConfigFixture("traefik/toml-good");
        var (findings, outcome, _) = repo.Lint();
        findings.ShouldBeEmpty(outcome.Out);
        var o = repo.CleanInventory();
        o.ShouldContain("dynamic.toml:2  traefik server  traefik tls.certificates[0]");
        o.ShouldContain("certificate  certs/server.crt  (dynamic.toml:3 tls.certificates[0].certFile)");
        // [tls.options.default.clientAuth], written after other tables, belongs to the default option.
        o.ShouldContain("dynamic.toml:6  traefik server  traefik tls.options default");
        o.ShouldContain("verify peer  off (dynamic.toml:43)");
        o.ShouldContain("client CA    certs/ca.crt  (dynamic.toml:13 tls.options.mtls.clientAuth.caFiles[0])");
        o.ShouldContain("dynamic.toml:22  traefik client  traefik http.serversTransports backend");
        o.ShouldContain("certificate  certs/client.crt  (dynamic.toml:38 http.serversTransports.backend.certificates[0].certFile)");
        o.ShouldContain("server CA    the PEM text  -> embedded in dynamic.toml  (dynamic.toml:24 http.serversTransports.backend.rootCAs[0])");
        o.ShouldContain("traefik.toml:8  traefik client  traefik serversTransport (static)");
        // The CA in a multi-line string is linted at the lines between the quotes.
        o.ShouldContain("dynamic.toml:25-34  CN=Fixture TLS CA, serial 2000  role ca");
    }

    [Test]
    public void Toml_defects_are_the_same_findings_as_in_yaml()
    {
        using var yaml = new ConfigFixture("traefik/bad");
        using var toml = new ConfigFixture("traefik/toml-bad");
        var (findings, outcome, json) = toml.Lint();
        findings.ShouldBe([
            "client-cert-not-verified dynamic.toml:8",
            "config-key-mismatch dynamic.toml:3",
            "parse-error dynamic.toml:11",
            "parse-error dynamic.toml:13",
            "peer-not-verified dynamic.toml:15",
            "peer-not-verified traefik.toml:5",
            "tls-version-weak dynamic.toml:6",
        ], outcome.Out);
        // One judge per fact: the dynamic file draws the rules its YAML twin draws (the static file is TOML's extra).
        static IEnumerable<string> Rules(IEnumerable<string> f, string file) => f.Where(x => x.Contains(file, StringComparison.Ordinal)).Select(x => x.Split(' ')[0]);
        Rules(findings, "dynamic.toml").ShouldBe(Rules(yaml.Lint().Findings, "dynamic.yml"));
        ConfigFixture.Messages(json, "tls-version-weak").ShouldBe([
            "traefik tls.options default allows TLSv1.0, TLSv1.1 (dynamic.toml:7 minVersion): allow TLSv1.2 and TLSv1.3 only.",
        ]);
        ConfigFixture.Messages(json, "peer-not-verified").ShouldContain(
            "traefik serversTransport (static) at traefik.toml:5 does not verify the server's certificate (traefik.toml:6): turn peer verification on and give it the CA file.");
    }

    [Test]
    public void A_toml_file_traefik_refuses_is_a_parse_error_at_its_line_without_its_text()
    {
        using var repo = new ConfigFixture("traefik/toml-broken");
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldBe(["parse-error duplicate.toml:3", "parse-error escape.toml:2", "parse-error syntax.toml:2", "parse-error table-twice.toml:7"], outcome.Out);
        ConfigFixture.Messages(json, "parse-error").ShouldBe([
            "duplicate.toml:3 cannot be parsed: a key is written twice in one table (TOML forbids it; Traefik refuses the file). Fix or regenerate the file, or exclude it if it is not a certificate.",
            // An escape cut by the end of the file: Tomlyn throws outside its own exception type (found by the config fuzzer).
            "escape.toml:2 cannot be parsed: invalid TOML: the parser cannot read the file after this point (Traefik refuses it). Fix or regenerate the file, or exclude it if it is not a certificate.",
            "syntax.toml:2 cannot be parsed: invalid TOML at column 33: the parser cannot read the file from here (Traefik refuses it). Fix or regenerate the file, or exclude it if it is not a certificate.",
            // [tls.options.default] written again after another table: the file configures nothing, as Traefik reads it.
            "table-twice.toml:7 cannot be parsed: a table is defined twice (TOML forbids it; Traefik refuses the file). Fix or regenerate the file, or exclude it if it is not a certificate.",
        ], ignoreOrder: true);
        outcome.Out.ShouldNotContain("keyFile");
        outcome.Out.ShouldNotContain("tls.options.default");
    }
}
