using CertLint.Core.Tests.Hostile;
using CertLint.Tests.Pki;

namespace CertLint.Core.Tests.Usage;

/// <summary>
/// mongod.conf cases the CLI fixtures do not hold, read through the engine: a certificate from the system store, a
/// revocation list without a CA file, `disabledProtocols: none`, TLS settings without a mode, a mongos.
/// </summary>
public sealed class MongoConfigFileTests
{
    private const string Fix = ". Fix or regenerate the file, or exclude it if it is not a certificate.";

    [Test]
    public void A_store_certificate_a_crl_without_ca_and_protocols_none_are_each_one_finding()
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.Write(dir, "mongos.conf", """
            net:
              tls:
                mode: requireTLS
                certificateSelector: subject=www.example.test
                CRLFile: revoked.crl
                disabledProtocols: none
            sharding:
              configDB: cfg/cfg1.example.test:27019
            """);
        ConfigComplexityTests.Write(dir, "replica/mongod.yaml", "net:\n  tls:\n    certificateKeyFile: server.pem\n");

        var result = BoundedLint.Run(dir.Path, ".");

        result.Of("parse-error").ShouldBe([
            $"mongos.conf:5 mongos.conf:5 cannot be parsed: net.tls.CRLFile without net.tls.CAFile (mongod does not start){Fix}",
            $"replica/mongod.yaml:2 replica/mongod.yaml:2 cannot be parsed: net.tls.mode is not set while other TLS settings are (mongod does not start){Fix}",
        ]);
        result.Of("config-cert-store").ShouldBe([
            "mongos.conf:3 mongos port 27017 at mongos.conf:3 takes its certificate from the system certificate store (net.tls.certificateSelector): CertLint cannot lint it."]);
        result.Of("tls-version-weak").ShouldBe([
            "mongos.conf:3 mongos port 27017 allows TLSv1.0, TLSv1.1 (mongos.conf:6 net.tls.disabledProtocols): allow TLSv1.2 and TLSv1.3 only.",
            "mongos.conf:8 mongos connections to cluster members allows TLSv1.0, TLSv1.1 (mongos.conf:6 net.tls.disabledProtocols): allow TLSv1.2 and TLSv1.3 only.",
        ]);
        result.Inventory.Usages.Select(u => $"{u.Role} {u.Service} {u.VerifyPeer}").ShouldBe([
            "Server mongos port 27017 False", "Client mongos connections to cluster members True"]);
    }
}
