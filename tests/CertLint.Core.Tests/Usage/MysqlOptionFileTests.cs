using CertLint.Core.Tests.Hostile;
using CertLint.Tests.Pki;

namespace CertLint.Core.Tests.Usage;

/// <summary>
/// MariaDB's spellings of a MySQL option file, read through the engine: its server groups, `loose-` and `skip-`
/// modifiers, `ssl-verify-server-cert` alone, `-` and `_` alike, quoted and commented values, and the groups a client
/// program reads over [client].
/// </summary>
public sealed class MysqlOptionFileTests
{
    [Test]
    public void Mariadb_groups_and_option_modifiers_decide_roles_and_verification()
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.ServerCertificate(dir);
        ConfigComplexityTests.Write(dir, "mariadb.conf.d/50-server.cnf", """
            [mariadb-10.6]
            loose_ssl_cert = "www.crt"   # quoted, then a comment
            SSL-KEY = www.key
            tls_version = TLSv1.2,TLSv1.3

            [client-mariadb]
            host = db.example.test
            ssl-ca = www.crt
            skip-ssl-verify-server-cert

            [mariadb-client]
            ssl-verify-server-cert
            ssl-ca = www.crt

            [mysqladmin]
            skip-ssl
            password = ''
            """);

        var result = BoundedLint.Run(dir.Path, ".");

        result.Of("parse-error").ShouldBeEmpty();
        result.Inventory.Usages.Select(u => $"{u.Role} {u.Service} {u.Certificate?.Path} {u.VerifyPeer} {u.VerifyAt?.StartLine}").ShouldBe([
            "Server mysql server [mariadb-10.6] www.crt False ",
            // An explicit skip- wins over the CA that would otherwise imply VERIFY_CA.
            "Client mysql client [client-mariadb] to db.example.test  False 9",
            "Client mysql client [mariadb-client]  True 12",
            // [mysqladmin] turns TLS off: no usage; its empty password is a prompt, not a literal.
        ]);
        result.Inventory.Usages[0].Key!.Path.ShouldBe("www.key");
        result.Inventory.Usages[0].Protocols!.Directive.ShouldBe("tls_version");
        result.Of("peer-not-verified").ShouldBe([
            "mariadb.conf.d/50-server.cnf:6 mysql client [client-mariadb] to db.example.test at mariadb.conf.d/50-server.cnf:6 does not verify the server's certificate (mariadb.conf.d/50-server.cnf:9): turn peer verification on and give it the CA file."]);
        result.Of("config-password-literal").ShouldBeEmpty();
    }
}
