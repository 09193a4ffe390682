namespace CertLint.Cli.Tests.Configurations;

/// <summary>
/// docker-compose: tests/fixtures/configs/compose/good mounts the certificate, key and client CA nginx names by their
/// container paths; compose/bad mounts files that are missing and serves a leaf without its intermediate.
/// </summary>
public sealed class ComposeConfigTests
{
    [Test]
    public void Container_paths_resolve_through_the_mounts_before_any_file_name_match()
    {
        using var repo = new ConfigFixture("compose/good");
        var (findings, outcome, _) = repo.Lint();
        findings.ShouldBeEmpty(outcome.Out);
        outcome.ExitCode.ShouldBe(0);

        var o = CliRunner.InProcess(repo.Root, null, "inventory", "--now", "2030-01-01").Out;
        // decoy/tls/server.crt ends in the same tail; the mount says certs/www.crt.
        o.ShouldContain("/etc/nginx/tls/server.crt  -> certs/www.crt  (nginx/nginx.conf:6 ssl_certificate)");
        o.ShouldContain("/etc/nginx/tls/server.key  -> certs/www.key  (nginx/nginx.conf:7 ssl_certificate_key)");
        o.ShouldContain("/run/secrets/client_ca  -> certs/ca-bundle.pem  (nginx/nginx.conf:8 ssl_client_certificate)");
        o.ShouldContain("docker-compose.yml:9  compose unknown  service web volume /etc/nginx/tls/server.crt");
        o.ShouldContain("docker-compose.yml:18  compose unknown  secret client_ca");
        o.ShouldContain("CN=www.example.test, serial 3003  role server (from nginx/nginx.conf:6 ssl_certificate)");
    }

    [Test]
    public void Missing_mounted_files_and_an_incomplete_served_chain_are_findings_at_their_lines()
    {
        using var repo = new ConfigFixture("compose/bad");
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldBe([
            "config-chain-incomplete nginx/nginx.conf:6",
            "config-file-missing docker-compose.yml:12",
            "config-file-missing docker-compose.yml:6",
        ], outcome.Out);
        ConfigFixture.Messages(json, "config-chain-incomplete").ShouldHaveSingleItem().ShouldBe(
            "server www.example.test listen 443 serves CN=www.example.test, serial 3003 (nginx/nginx.conf:6 ssl_certificate) without CN=Fixture Issuing CA, serial 3001 (in certs/intermediate.crt:1-11): append the intermediate certificate(s) to what it sends (/etc/nginx/tls/leaf.crt).");
        var inventory = CliRunner.InProcess(repo.Root, null, "inventory", "--now", "2030-01-01").Out;
        inventory.ShouldContain("/etc/nginx/certs/server.key  -> certs/server.key  (nginx/nginx.conf:7 ssl_certificate_key)");
    }
}
