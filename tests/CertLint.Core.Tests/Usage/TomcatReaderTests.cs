using CertLint.Core.Tests.Hostile;
using CertLint.Tests.Pki;
using CertLint.Usage;

namespace CertLint.Core.Tests.Usage;

/// <summary>
/// Tomcat server.xml readings that are easy to get wrong, through the engine: which XML files are Tomcat's, the
/// protocols syntax, the legacy APR attributes, several certificates of one host, and what a connector without
/// SSLEnabled means.
/// </summary>
public sealed class TomcatReaderTests
{
    private static List<TlsUsage> Usages(TempDirectory dir) => [.. BoundedLint.Run(dir.Path, ".").Inventory.Usages];

    private static void Server(TempDirectory dir, string name, string connectors)
    {
        ConfigComplexityTests.ServerCertificate(dir);
        ConfigComplexityTests.Write(dir, name, $"<Server port=\"8005\">\n<Service name=\"Catalina\">\n{connectors}\n</Service>\n</Server>\n");
    }

    [Test]
    public void Server_xml_and_connector_fragments_are_tomcats_and_iris_exports_and_other_xml_are_not()
    {
        var tomcat = ConfigStage.Readers.Single(r => r.Format == "tomcat");
        tomcat.Detect("conf/server.xml", "<Server port=\"8005\"></Server>").ShouldBeTrue();
        tomcat.Detect("tomcat/SERVER.XML", "<Connector port=\"8080\"/>").ShouldBeTrue();
        tomcat.Detect("conf/https-connector.xml", "<Connector port=\"8443\" SSLEnabled=\"true\"/>").ShouldBeTrue();
        tomcat.Detect("conf/http-connector.xml", "<Connector port=\"8080\"/>").ShouldBeFalse();
        tomcat.Detect("pom.xml", "<project><build/></project>").ShouldBeFalse();
        tomcat.Detect("server.conf", "<Connector SSLEnabled=\"true\"/>").ShouldBeFalse();
        // An IRIS export is read by the IRIS reader, which comes first.
        var export = "<SSLConfigsExport><SSLConfigs><Name>x</Name><CertificateFile>a.crt</CertificateFile></SSLConfigs></SSLConfigsExport>";
        ConfigStage.Readers.First(r => r.Detect("SSLConfigsExport.xml", export)).Format.ShouldBe("iris");
        ConfigStage.Readers.First(r => r.Detect("conf/server.xml", "<Server><Connector SSLEnabled=\"true\"/></Server>")).Format.ShouldBe("tomcat");
    }

    [Test]
    public void Protocols_add_and_remove_left_to_right_from_an_empty_set()
    {
        using var dir = new TempDirectory();
        Server(dir, "server.xml", """
            <Connector port="1" SSLEnabled="true"><SSLHostConfig protocols="all-TLSv1-TLSv1.1"><Certificate certificateFile="www.crt" certificateKeyFile="www.key"/></SSLHostConfig></Connector>
            <Connector port="2" SSLEnabled="true"><SSLHostConfig protocols="TLSv1.2, TLSv1.3, SSLv2Hello"><Certificate certificateFile="www.crt" certificateKeyFile="www.key"/></SSLHostConfig></Connector>
            <Connector port="3" SSLEnabled="true"><SSLHostConfig><Certificate certificateFile="www.crt" certificateKeyFile="www.key"/></SSLHostConfig></Connector>
            """);

        string.Join("; ", Usages(dir).Select(u => $"{u.Service}: {(u.Protocols is { } p ? string.Join(" ", p.Allowed.Select(TlsVersions.Name)) : "default")}"))
            .ShouldBe("Connector :1: TLSv1.2 TLSv1.3; Connector :2: TLSv1.2 TLSv1.3; Connector :3: default");
    }

    [Test]
    public void Legacy_apr_attributes_are_the_default_host_and_optional_no_ca_accepts_any_client_certificate()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir["conf"]);
        ConfigComplexityTests.ServerCertificate(dir);
        ConfigComplexityTests.Write(dir, "conf/server.xml", """
            <Server><Service name="Catalina">
            <Connector port="8443" protocol="org.apache.coyote.http11.Http11AprProtocol" SSLEnabled="true"
                       SSLCertificateFile="${catalina.base}/www.crt" SSLCertificateKeyFile="www.key"
                       SSLCACertificateFile="www.crt" SSLVerifyClient="optionalNoCA" SSLProtocol="TLSv1.2+TLSv1.3" />
            <Connector port="8080" protocol="HTTP/1.1" keystoreFile="www.crt" />
            </Service></Server>
            """);

        var usage = Usages(dir).ShouldHaveSingleItem();
        usage.Service.ShouldBe("Connector :8443");
        usage.Location.StartLine.ShouldBe(2);
        usage.Certificate!.ResolvedFullPath.ShouldBe(dir["www.crt"]);
        usage.Key!.Directive.ShouldBe("SSLCertificateKeyFile");
        usage.CaFiles.ShouldHaveSingleItem().Directive.ShouldBe("SSLCACertificateFile");
        (usage.VerifyPeer, usage.RequestsClientCertificate).ShouldBe((false, true));
        usage.Protocols!.Directive.ShouldBe("SSLProtocol");
    }

    [Test]
    public void Rsa_and_ec_certificates_of_one_host_are_two_usages_at_their_elements()
    {
        using var dir = new TempDirectory();
        Server(dir, "server.xml", """
            <Connector port="8443" SSLEnabled="true">
              <SSLHostConfig hostName="*.example.test" truststoreFile="trust.p12" truststorePassword="s3cret">
                <Certificate certificateKeystoreFile="rsa.p12" type="RSA" />
                <Certificate certificateFile="www.crt" certificateKeyFile="www.key" type="EC" />
              </SSLHostConfig>
            </Connector>
            <Connector port="9443" SSLEnabled="false"><SSLHostConfig><Certificate certificateFile="www.crt"/></SSLHostConfig></Connector>
            """);

        var usages = Usages(dir);
        usages.Select(u => $"{u.Service}@{u.Location.StartLine}").ShouldBe(["Connector :8443 *.example.test (RSA)@5", "Connector :8443 *.example.test (EC)@6"]);
        usages.ShouldAllBe(u => u.Hosts.Single() == "*.example.test" && u.CaFiles.Single().Directive == "truststoreFile");
        // The truststore password is one finding, told with the first certificate.
        usages.Select(u => u.LiteralSecrets.Count).ShouldBe([1, 0]);
    }

    [Test]
    public void A_dtd_is_refused_and_nothing_of_an_entity_target_is_read()
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.Write(dir, "server.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE Server [ <!ENTITY p SYSTEM \"/etc/passwd\"> ]>\n<Server><Connector SSLEnabled=\"true\" keystoreFile=\"&p;\"/></Server>\n");

        var result = BoundedLint.Run(dir.Path, ".");

        result.Inventory.Usages.ShouldBeEmpty();
        result.Of("parse-error").ShouldBe([
            "server.xml:1 server.xml:1 cannot be parsed: XML with a DTD is not read (DTDs and entities are not allowed in server.xml here). Fix or regenerate the file, or exclude it if it is not a certificate.",
        ]);
        result.AllText().ShouldNotContain("root:");
    }
}
