namespace CertLint.Cli.Tests.Configurations;

/// <summary>
/// InterSystems IRIS: configuration-merge files, SSLDefs.ini and Security.SSLConfigs XML exports.
/// tests/fixtures/configs/iris/good is a correct mutual-TLS set-up; iris/bad has one of each defect.
/// </summary>
public sealed class IrisConfigTests
{
    [Test]
    public void A_correct_mtls_setup_has_no_findings_and_roles_come_from_the_configurations()
    {
        using var repo = new ConfigFixture("iris/good");
        var (findings, outcome, _) = repo.Lint();
        findings.ShouldBeEmpty(outcome.Out);
        outcome.ExitCode.ShouldBe(0);

        var inventory = CliRunner.InProcess(repo.Root, null, "inventory", "--now", "2030-01-01");
        inventory.ExitCode.ShouldBe(0);
        inventory.Out.ShouldContain("merge.cpf:4  iris server  IRIS server TLS configuration %SuperServer");
        inventory.Out.ShouldContain("client CA    /irissys/certs/ca.cer  -> certs/ca.cer  (merge.cpf:4 CreateSSLConfig CAFile)");
        // ModifySSLConfig of a configuration the file creates is folded into it.
        inventory.Out.ShouldContain("merge.cpf:5  iris client  IRIS client TLS configuration ToPartner");
        inventory.Out.ShouldNotContain("merge.cpf:6");
        inventory.Out.ShouldContain("SSLDefs.ini:7  iris client  IRIS client TLS configuration App (to www.example.test)");
        inventory.Out.ShouldContain("certificate  certs/client.cer  (SSLDefs.ini:13 [App] CertFile)");
        inventory.Out.ShouldContain("SSLConfigsExport.xml:3  iris client  IRIS client TLS configuration WebGateway");
        inventory.Out.ShouldContain("CN=www.example.test, serial 2002  role server (from merge.cpf:4 CreateSSLConfig CertificateFile)");
        inventory.Out.ShouldContain("CN=alice, serial 2003  role client (from ");
    }

    [Test]
    public void Each_defect_is_one_finding_at_its_line()
    {
        using var repo = new ConfigFixture("iris/bad");
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldBe([
            "config-file-missing SSLDefs.ini:10",
            "config-key-mismatch merge.cpf:3",
            "config-password-literal SSLDefs.ini:13",
            "config-password-literal merge.cpf:4",
            "eku-client-auth certs/app.cer:1",
            "mtls-client-ca-mismatch SSLConfigsExport.xml:8",
            "mtls-client-ca-mismatch merge.cpf:3",
            "parse-error SSLConfigsExport.xml:9",
            "parse-error SSLDefs.ini:4",
            "parse-error merge.cpf:5",
            "peer-not-verified merge.cpf:4",
            "tls-version-weak merge.cpf:7",
            "tls13-not-allowed merge.cpf:7",
        ], outcome.Out);
        outcome.ExitCode.ShouldBe(1);
        ConfigFixture.Messages(json, "eku-client-auth").ShouldHaveSingleItem().ShouldContain("(role from merge.cpf:4 CreateSSLConfig CertificateFile)");
        // One finding, on the certificate (reissuing it is the fix); the client line that presents it and the two servers
        // requiring client certificates it is presented to (one mTLS server per folder: both here) are its other places.
        ConfigFixture.Related(json, "eku-client-auth").ShouldBe([
            "merge.cpf:4 presented as the client certificate of IRIS client TLS configuration ToPartner (CreateSSLConfig CertificateFile) to IRIS server TLS configuration Mirror at SSLConfigsExport.xml:8, IRIS server TLS configuration %SuperServer at merge.cpf:3",
            "SSLConfigsExport.xml:8 IRIS server TLS configuration Mirror requires client certificates, and IRIS client TLS configuration ToPartner presents this one",
            "merge.cpf:3 IRIS server TLS configuration %SuperServer requires client certificates, and IRIS client TLS configuration ToPartner presents this one",
        ]);
        outcome.Out.ShouldContain("        also merge.cpf:4: presented as the client certificate of IRIS client TLS configuration ToPartner");
        ConfigFixture.Related(json, "mtls-client-ca-mismatch").ShouldBeEmpty();
        ConfigFixture.Messages(json, "mtls-client-ca-mismatch").ShouldBe([
            "IRIS server TLS configuration Mirror requires client certificates but names no CA file to verify them with: give the server the CA that issues its clients' certificates.",
            "IRIS server TLS configuration %SuperServer verifies client certificates with /irissys/certs/other-ca.cer, but the client certificate CN=bob, serial 2004 presented at merge.cpf:4 CreateSSLConfig CertificateFile was issued by CN=Fixture TLS CA, which is not in that file: give the server the CA that issues its clients' certificates.",
        ]);
        ConfigFixture.Messages(json, "tls-version-weak").ShouldHaveSingleItem().ShouldContain("allows TLSv1.0, TLSv1.1 (merge.cpf:7 TLSMinVersion/TLSMaxVersion)");
        ConfigFixture.Messages(json, "parse-error").ShouldContain(m => m.Contains("TLSMinVersion must be 2 (SSLv3), 4 (TLSv1.0), 8 (TLSv1.1), 16 (TLSv1.2) or 32 (TLSv1.3)"));
    }

    [Test]
    public void No_key_bytes_or_configured_passwords_appear_in_any_output_or_report()
    {
        using var repo = new ConfigFixture("iris/bad");
        var keyBody = string.Concat(File.ReadAllLines(Path.Combine(repo.Root, "certs", "app.key")).Where(l => !l.StartsWith("-----", StringComparison.Ordinal)));
        keyBody.Length.ShouldBeGreaterThan(100);
        var reports = Path.Combine(repo.Root, "..", Path.GetFileName(repo.Root) + "-reports");
        Directory.CreateDirectory(reports);
        try
        {
            var lint = CliRunner.InProcess(repo.Root, null, "--now", "2030-01-01", ".", "-v",
                "--sarif", Path.Combine(reports, "r.sarif"), "--junit", Path.Combine(reports, "r.xml"),
                "--json", Path.Combine(reports, "r.json"), "--markdown", Path.Combine(reports, "r.md"), "--html", Path.Combine(reports, "r.html"));
            var inventory = CliRunner.InProcess(repo.Root, null, "inventory", "--now", "2030-01-01");
            var inventoryJson = CliRunner.InProcess(repo.Root, null, "inventory", "--json", "--now", "2030-01-01");
            string[] outputs = [lint.Out + lint.Error, inventory.Out + inventory.Error, inventoryJson.Out + inventoryJson.Error, .. Directory.GetFiles(reports).Select(File.ReadAllText)];
            outputs.Length.ShouldBe(8);
            foreach (var text in outputs)
            {
                text.ShouldNotContain("changeit");
                text.ShouldNotContain("s3cret-in-git");
                text.ShouldNotContain(keyBody[..40]);
            }
            lint.Out.ShouldContain("CL0711 config-password-literal");
        }
        finally
        {
            Directory.Delete(reports, recursive: true);
        }
    }

    [Test]
    public void Hostile_or_foreign_files_are_findings_not_outages()
    {
        using var repo = new ConfigFixture("iris/good");
        // An entity bomb: DTDs are refused before any expansion.
        File.WriteAllText(Path.Combine(repo.Root, "bomb.xml"),
            "<?xml version=\"1.0\"?>\n<!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n"
            + "<SSLConfigs><CertificateFile>&c;</CertificateFile></SSLConfigs>\n");
        // Nesting deeper than any export.
        File.WriteAllText(Path.Combine(repo.Root, "deep.xml"),
            "<SSLConfigsExport>\n" + string.Concat(Enumerable.Repeat("<a>", 5000)) + "<CertificateFile>x</CertificateFile>" + string.Concat(Enumerable.Repeat("</a>", 5000)) + "</SSLConfigsExport>\n");
        // Windows deployment paths (on any OS): looked up by their tail, never "missing from the repository".
        Directory.CreateDirectory(Path.Combine(repo.Root, "win"));
        File.WriteAllText(Path.Combine(repo.Root, "win", "SSLDefs.ini"),
            "[Win]\r\nCertFile=C:\\InterSystems\\certs\\client.cer\r\nKeyFile=C:\\InterSystems\\certs\\client.key\r\nCAfile=D:\\pki\\root.cer\r\nVerifyPeer=1\r\n");
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldBe([
            "config-file-external win/SSLDefs.ini:4",
            "parse-error bomb.xml:1",
            "parse-error deep.xml:2",
        ], outcome.Out);
        ConfigFixture.Messages(json, "parse-error").ShouldBe([
            "bomb.xml:1 cannot be parsed: XML with a DTD is not read (DTDs and entities are not allowed in configuration exports). Fix or regenerate the file, or exclude it if it is not a certificate.",
            "deep.xml:2 cannot be parsed: XML nested deeper than 32 levels is not read. Fix or regenerate the file, or exclude it if it is not a certificate.",
        ]);
        var inventory = CliRunner.InProcess(repo.Root, null, "inventory", "--now", "2030-01-01").Out;
        inventory.ShouldContain("certificate  C:\\InterSystems\\certs\\client.cer  -> certs/client.cer  (win/SSLDefs.ini:2 [Win] CertFile)");
    }
}
