using CertLint.Core.Tests.Hostile;
using CertLint.Tests.Pki;

namespace CertLint.Core.Tests.Usage;

/// <summary>
/// An OpenSSL CA folder (Apache SSLCACertificatePath, Redis tls-ca-cert-dir, MySQL ssl-capath) is read alike by every
/// format: its certificates and c_rehash's certificate links are the CAs, its keys, serial files, requests, CRLs and
/// CRL links (HASH.r0) are not.
/// </summary>
public sealed class CaFolderTests
{
    private static readonly string[] Folder = ["ca.pem", "1a2b3c4d.0", "1a2b3c4d.1", "1a2b3c4d.r0", "ca.key", "ca.srl", "server.csr", "root.crl", "ca.rsa"];

    [TestCase("httpd.conf", """
        <VirtualHost *:443>
            ServerName www.example.test
            SSLEngine on
            SSLCertificateFile www.crt
            SSLVerifyClient require
            SSLCACertificatePath cas
        </VirtualHost>
        """)]
    [TestCase("redis.conf", """
        port 0
        tls-port 6379
        tls-cert-file www.crt
        tls-key-file www.key
        tls-ca-cert-dir cas
        """)]
    [TestCase("my.cnf", """
        [mysqld]
        ssl_cert = www.crt
        ssl_key = www.key
        ssl_capath = cas
        """)]
    public void Every_format_reads_the_same_files_of_a_ca_folder(string name, string config)
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.ServerCertificate(dir);
        foreach (var file in Folder) ConfigComplexityTests.Write(dir, $"cas/{file}", "not read as a CA\n");
        ConfigComplexityTests.Write(dir, name, config);

        var result = BoundedLint.Run(dir.Path, ".");

        var server = result.Inventory.Usages.ShouldHaveSingleItem();
        server.CaFiles.Select(f => Path.GetFileName(f.ResolvedFullPath ?? f.Path))
            .ShouldBe(["1a2b3c4d.0", "1a2b3c4d.1", "ca.pem", "ca.rsa"]);
    }
}
