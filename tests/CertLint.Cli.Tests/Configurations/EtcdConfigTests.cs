namespace CertLint.Cli.Tests.Configurations;

/// <summary>
/// etcd's configuration file: tests/fixtures/configs/etcd/good is a member with mutual TLS for its clients and between
/// the members; etcd/bad has the usual mistakes, one finding each (a peer port that verifies no client certificate among them), etcd/bad/auto generated certificates (auto-tls) and
/// etcd/bad/broken a member that does not start. Certificates: etcd/make-certs.sh.
/// </summary>
public sealed class EtcdConfigTests
{
    [Test]
    public void A_member_serves_its_clients_and_its_peers_and_is_the_peers_client()
    {
        using var repo = new ConfigFixture("etcd/good");
        var o = repo.CleanInventory();
        o.ShouldContain("etcd.conf.yml:9  etcd server  etcd client transport");
        o.ShouldContain("certificate  certs/server.crt  (etcd.conf.yml:10 client-transport-security.cert-file)");
        o.ShouldContain("client CA    certs/ca.crt  (etcd.conf.yml:13 client-transport-security.trusted-ca-file)");
        o.ShouldContain("verify peer  on (etcd.conf.yml:12)");
        // tls-max-version unset: Go's maximum, TLS 1.3.
        o.ShouldContain("protocols    TLSv1.2, TLSv1.3 (etcd.conf.yml:19 tls-min-version)");
        // advertise-client-urls' host is the name the client certificate must carry.
        o.ShouldContain("hosts        etcd1.example.test");
        o.ShouldContain("etcd.conf.yml:14  etcd server  etcd peer transport");
        // The member dials the others with the same certificate, and verifies them with the same CA and their URL's host.
        o.ShouldContain("etcd.conf.yml:14  etcd client  etcd peer transport (to the other members)");
        o.ShouldContain("server CA    certs/ca.crt  (etcd.conf.yml:18 peer-transport-security.trusted-ca-file)");
        o.ShouldContain("verify host  on (default)");
        o.ShouldContain("role client,server (from etcd.conf.yml:15 peer-transport-security.cert-file, etcd.conf.yml:15 peer-transport-security.cert-file (to the other members))");
        o.ShouldContain("role server (from etcd.conf.yml:10 client-transport-security.cert-file)");
    }

    [Test]
    public void Each_defect_is_one_finding_at_its_line()
    {
        using var repo = new ConfigFixture("etcd/bad");
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldBe([
            // auto-tls: nothing to lint, and the members accept any certificate from each other: as servers
            // (client-cert-not-required) and as clients (peer-not-verified).
            "client-cert-not-required auto/etcd.conf.yml:7",
            // A peer port that asks for no client certificate lets anyone talk to the cluster as a member.
            "client-cert-not-required etcd.conf.yml:11",
            "config-cert-store auto/etcd.conf.yml:5",
            "config-cert-store auto/etcd.conf.yml:7",
            "config-host-mismatch etcd.conf.yml:4",
            "config-key-mismatch etcd.conf.yml:9",
            "eku-client-auth certs/peer-server-only.crt:1",
            "mtls-client-ca-mismatch etcd.conf.yml:10",
            "parse-error broken/etcd.conf.yml:2",
            "parse-error broken/etcd.conf.yml:3",
            "peer-not-verified auto/etcd.conf.yml:7",
            // The peer transport's server and its client of the other members, both at the block.
            "tls13-not-allowed etcd.conf.yml:11",
            "tls13-not-allowed etcd.conf.yml:11",
            "tls13-not-allowed etcd.conf.yml:7",
        ], outcome.Out);
        outcome.ExitCode.ShouldBe(1);
        ConfigFixture.Messages(json, "config-cert-store").ShouldContain(
            "etcd peer transport at auto/etcd.conf.yml:7 takes its certificate from a self-signed certificate etcd generates at start (peer-transport-security.auto-tls): CertLint cannot lint it.");
        // auto-tls drops client-cert-auth and trusted-ca-file, and its members skip verifying each other.
        ConfigFixture.Messages(json, "peer-not-verified").ShouldHaveSingleItem().ShouldStartWith(
            "etcd peer transport (to the other members) at auto/etcd.conf.yml:7 does not verify the server's certificate (auto/etcd.conf.yml:8)");
        ConfigFixture.Messages(json, "client-cert-not-required").ShouldBe([
            "etcd peer transport at auto/etcd.conf.yml:7 verifies no client certificate (auto/etcd.conf.yml:8), and the certificate is its only authentication: " +
            "anyone who reaches it talks to the cluster as a member (raft messages and snapshots): it can read and rewrite every key. Require client certificates signed by your CA.",
            "etcd peer transport at etcd.conf.yml:11 verifies no client certificate (etcd.conf.yml:11 (default)), and the certificate is its only authentication: " +
            "anyone who reaches it talks to the cluster as a member (raft messages and snapshots): it can read and rewrite every key. Require client certificates signed by your CA.",
        ], ignoreOrder: true);
        ConfigFixture.Messages(json, "config-host-mismatch").ShouldHaveSingleItem().ShouldStartWith(
            "etcd client transport answers for etcd.example.test (etcd.conf.yml:7), but CN=etcd1.example.test");
        // A peer certificate a CA issued for serverAuth only cannot be the member's client certificate.
        ConfigFixture.Messages(json, "eku-client-auth").ShouldHaveSingleItem().ShouldContain(
            "is used as a TLS client certificate (role from etcd.conf.yml:12 peer-transport-security.cert-file, etcd.conf.yml:12 peer-transport-security.cert-file (to the other members))");
        ConfigFixture.Messages(json, "mtls-client-ca-mismatch").ShouldHaveSingleItem().ShouldStartWith(
            "etcd client transport requires client certificates but names no CA file");
        ConfigFixture.Messages(json, "tls13-not-allowed").ShouldAllBe(m => m.Contains("(etcd.conf.yml:15 tls-max-version)"));
        ConfigFixture.Messages(json, "parse-error").ShouldBe([
            "broken/etcd.conf.yml:2 cannot be parsed: listen-client-urls serves https:// but client-transport-security names no cert-file and key-file (nor auto-tls): etcd refuses to start. Fix or regenerate the file, or exclude it if it is not a certificate.",
            "broken/etcd.conf.yml:3 cannot be parsed: tls-min-version must be TLS1.2 or TLS1.3 (etcd refuses to start). Fix or regenerate the file, or exclude it if it is not a certificate.",
        ], ignoreOrder: true);
    }
}
