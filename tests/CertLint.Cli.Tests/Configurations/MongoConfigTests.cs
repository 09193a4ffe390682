namespace CertLint.Cli.Tests.Configurations;

/// <summary>MongoDB mongod.conf: tests/fixtures/configs/mongodb/good is a correct mTLS replica set member; mongodb/bad has one of each defect.</summary>
public sealed class MongoConfigTests
{
    [Test]
    public void A_correct_replica_set_member_has_no_findings_and_roles_come_from_use()
    {
        using var repo = new ConfigFixture("mongodb/good");
        var o = repo.CleanInventory();
        o.ShouldContain("mongod.conf:6  mongodb server  mongod port 27017");
        // certificateKeyFile is one PEM holding the certificate and its key; a deployment path is found by its tail.
        o.ShouldContain("certificate  /etc/mongodb/certs/server.pem  -> certs/server.pem  (mongod.conf:7 net.tls.certificateKeyFile)");
        o.ShouldContain("key          /etc/mongodb/certs/server.pem  -> certs/server.pem  (mongod.conf:7 net.tls.certificateKeyFile)");
        o.ShouldContain("client CA    certs/ca.crt  (mongod.conf:8 net.tls.CAFile)");
        o.ShouldContain("verify peer  on (mongod.conf:8)");
        o.ShouldContain("protocols    TLSv1.2, TLSv1.3 (mongod.conf:10 net.tls.disabledProtocols)");
        o.ShouldContain("mongod.conf:9  mongodb client  mongod connections to cluster members");
        o.ShouldContain("certificate  certs/member.pem  (mongod.conf:9 net.tls.clusterFile)");
        o.ShouldContain("CN=alice, serial 2003  role client (from mongod.conf:9 net.tls.clusterFile)");
        o.ShouldContain("CN=www.example.test, serial 2002  role server (from mongod.conf:7 net.tls.certificateKeyFile)");
    }

    [Test]
    public void Each_defect_is_one_finding_at_its_line()
    {
        using var repo = new ConfigFixture("mongodb/bad");
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldBe([
            "config-file-missing mongod.conf:7",
            "config-password-literal mongod.conf:5",
            // member/: without clusterFile the member presents its server certificate to the other members.
            "eku-client-auth certs/server.pem:1",
            // The certificate and key certificateKeyFile holds do not match: judged in the file.
            "key-mismatch certs/mismatch.pem:13",
            "mtls-client-ca-mismatch mongod.conf:6",
            "parse-error broken/mongod.conf:4",
            "parse-error broken/mongos.conf:3",
            "peer-not-verified member/mongod.conf:8",
            "tls-version-weak member/mongod.conf:3",
            "tls-version-weak member/mongod.conf:8",
            "tls-version-weak mongod.conf:3",
        ], outcome.Out);
        outcome.ExitCode.ShouldBe(1);
        ConfigFixture.Messages(json, "tls-version-weak").ShouldBe([
            "mongod port 27017 allows TLSv1.1 (mongod.conf:8 net.tls.disabledProtocols): allow TLSv1.2 and TLSv1.3 only.",
            "mongod port 27017 allows TLSv1.1 (member/mongod.conf:3 net.ssl.disabledProtocols (unset: MongoDB disables TLS1_0 only)): allow TLSv1.2 and TLSv1.3 only.",
            "mongod connections to cluster members allows TLSv1.1 (member/mongod.conf:3 net.ssl.disabledProtocols (unset: MongoDB disables TLS1_0 only)): allow TLSv1.2 and TLSv1.3 only.",
        ], ignoreOrder: true);
        ConfigFixture.Messages(json, "peer-not-verified").ShouldHaveSingleItem().ShouldContain("(member/mongod.conf:6)");
        ConfigFixture.Messages(json, "eku-client-auth").ShouldHaveSingleItem().ShouldContain("role from member/mongod.conf:4 net.ssl.PEMKeyFile, member/mongod.conf:4 net.ssl.PEMKeyFile (outgoing connections)");
        ConfigFixture.Messages(json, "mtls-client-ca-mismatch").ShouldHaveSingleItem().ShouldContain("presented at member/mongod.conf:4 net.ssl.PEMKeyFile (outgoing connections)");
        ConfigFixture.Messages(json, "config-password-literal").ShouldHaveSingleItem().ShouldContain("mongod.conf:5 net.tls.certificateKeyFilePassword writes the password of certs/mismatch.pem");
        json.ShouldNotContain("hunter2");
        ConfigFixture.Messages(json, "parse-error").ShouldBe([
            "broken/mongod.conf:4 cannot be parsed: invalid YAML: While parsing a block mapping, did not find expected key.. Fix or regenerate the file, or exclude it if it is not a certificate.",
            "broken/mongos.conf:3 cannot be parsed: invalid net.tls.mode: disabled, allowTLS, preferTLS, requireTLS expected. Fix or regenerate the file, or exclude it if it is not a certificate.",
        ], ignoreOrder: true);
    }
}
