namespace CertLint.Cli.Tests.Configurations;

/// <summary>
/// The Docker daemon's daemon.json: tests/fixtures/configs/docker/good is a daemon API with mutual TLS on a tcp host;
/// docker/bad has a CA file outside the repository and a host the certificate does not name, bad/open a daemon letting any
/// client in (client-cert-not-required), bad/defaults one serving ~/.docker's files and bad/broken one
/// dockerd refuses. Certificates: docker/make-certs.sh.
/// </summary>
public sealed class DockerConfigTests
{
    [Test]
    public void A_daemon_with_tlsverify_requires_client_certificates_of_its_ca()
    {
        using var repo = new ConfigFixture("docker/good");
        var o = repo.CleanInventory();
        o.ShouldContain("etc/docker/daemon.json:3  docker server  dockerd API");
        // Deployment paths are found by their tail.
        o.ShouldContain("certificate  /etc/docker/tls/server-cert.pem  -> etc/docker/tls/server-cert.pem  (etc/docker/daemon.json:5 tlscert)");
        o.ShouldContain("client CA    /etc/docker/tls/ca.pem  -> etc/docker/tls/ca.pem  (etc/docker/daemon.json:4 tlscacert)");
        o.ShouldContain("verify peer  on (etc/docker/daemon.json:3)");
        // unix:// sockets are no TLS; the tcp host's name is the one the certificate must carry.
        o.ShouldContain("hosts        docker.example.test");
        o.ShouldContain("role server (from etc/docker/daemon.json:5 tlscert)");
    }

    [Test]
    public void Each_defect_is_one_finding_at_its_line()
    {
        using var repo = new ConfigFixture("docker/bad");
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldBe([
            // "tlsverify": false: anyone reaching the TCP socket controls the daemon.
            "client-cert-not-required open/daemon.json:4",
            "config-cert-store defaults/daemon.json:3",
            // An absolute path no scanned file matches: a deployment file, not a missing one.
            "config-file-external etc/docker/daemon.json:4",
            "config-host-mismatch etc/docker/daemon.json:2",
            "parse-error broken/daemon.json:2",
        ], outcome.Out);
        outcome.ExitCode.ShouldBe(1);
        ConfigFixture.Messages(json, "config-cert-store").ShouldHaveSingleItem().ShouldBe(
            "dockerd API at defaults/daemon.json:3 takes its certificate from cert.pem in ~/.docker, dockerd's default DOCKER_CERT_PATH (tlscert unset): CertLint cannot lint it.");
        ConfigFixture.Messages(json, "config-host-mismatch").ShouldHaveSingleItem().ShouldStartWith("dockerd API answers for build.example.test (etc/docker/daemon.json:3), but CN=docker.example.test");
        ConfigFixture.Messages(json, "parse-error").ShouldBe([
            "broken/daemon.json:2 cannot be parsed: tls must be true or false (dockerd refuses to start). Fix or regenerate the file, or exclude it if it is not a certificate.",
        ]);
        ConfigFixture.Messages(json, "client-cert-not-required").ShouldHaveSingleItem().ShouldBe(
            "dockerd API at open/daemon.json:4 verifies no client certificate (open/daemon.json:4), and the certificate is its only authentication: " +
            "anyone who reaches it controls the Docker daemon: it starts any container, with the host's file system mounted, as root. Require client certificates signed by your CA.");
        // "tls": true alone requires client certificates (dockerd: an unset tlsverify takes tls's value); only an
        // explicit "tlsverify": false lets any client in.
        var inventory = CliRunner.InProcess(repo.Root, null, "inventory", "--now", "2030-01-01").Out;
        inventory.ShouldContain("etc/docker/daemon.json:3  docker server  dockerd API");
        inventory.ShouldContain("verify peer  on (default)");
        inventory.ShouldContain("open/daemon.json:4  docker server  dockerd API");
        inventory.ShouldContain("verify peer  off (open/daemon.json:4)");
    }
}
