using System.Diagnostics;
using System.Text;
using CertLint.Tests.Pki;

namespace CertLint.Core.Tests.Hostile;

/// <summary>
/// Tomcat server.xml files a pull request writes to fan out: thousands of TLS connectors, virtual hosts or certificates,
/// and deep nesting. Each run goes through the engine, bounded; past each bound one issue at the first element not read.
/// </summary>
public sealed class TomcatBoundTests
{
    [Test]
    public void Ten_thousand_connectors_are_a_thousand_usages_and_one_issue()
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.ServerCertificate(dir);
        var xml = new StringBuilder("<Server>\n");
        for (var i = 0; i < 10_000; i++) xml.Append("<Connector SSLEnabled=\"true\" SSLCertificateFile=\"www.crt\" SSLCertificateKeyFile=\"www.key\"/>\n");
        ConfigComplexityTests.Write(dir, "server.xml", xml.Append("</Server>\n").ToString());

        var clock = Stopwatch.StartNew();
        var result = BoundedLint.Run(dir.Path, ".");

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
        result.Inventory.Usages.Count.ShouldBe(1_000);
        result.Of("parse-error").ShouldBe([
            "server.xml:1002 server.xml:1002 cannot be parsed: more than 1000 Connector elements: the rest are not read. Fix or regenerate the file, or exclude it if it is not a certificate.",
        ]);
    }

    [Test]
    public void Thousands_of_hosts_and_certificates_in_one_connector_are_bounded_per_parent()
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.ServerCertificate(dir);
        var xml = new StringBuilder("<Server>\n<Connector SSLEnabled=\"true\">\n");
        for (var i = 0; i < 5_000; i++) xml.Append("<SSLHostConfig><Certificate certificateFile=\"www.crt\" certificateKeyFile=\"www.key\"/></SSLHostConfig>\n");
        xml.Append("</Connector>\n<Connector SSLEnabled=\"true\">\n<SSLHostConfig>\n");
        for (var i = 0; i < 5_000; i++) xml.Append("<Certificate certificateFile=\"www.crt\" certificateKeyFile=\"www.key\" type=\"EC\"/>\n");
        ConfigComplexityTests.Write(dir, "server.xml", xml.Append("</SSLHostConfig>\n</Connector>\n</Server>\n").ToString());

        var result = BoundedLint.Run(dir.Path, ".");

        result.Inventory.Usages.Count.ShouldBe(100 + 8);
        result.Of("parse-error").ShouldBe([
            "server.xml:103 server.xml:103 cannot be parsed: more than 100 SSLHostConfig elements in one Connector: the rest are not read. Fix or regenerate the file, or exclude it if it is not a certificate.",
            "server.xml:5014 server.xml:5014 cannot be parsed: more than 8 Certificate elements in one SSLHostConfig: the rest are not read. Fix or regenerate the file, or exclude it if it is not a certificate.",
        ]);
    }

    [Test]
    public void Deep_nesting_is_one_issue_and_nothing_read()
    {
        using var dir = new TempDirectory();
        var xml = new StringBuilder("<Server>\n<Connector SSLEnabled=\"true\"/>\n");
        for (var i = 0; i < 100_000; i++) xml.Append("<a>");
        ConfigComplexityTests.Write(dir, "server.xml", xml.Append('\n').ToString());

        var result = BoundedLint.Run(dir.Path, ".");

        result.Inventory.Usages.ShouldBeEmpty();
        result.Of("parse-error").ShouldBe([
            "server.xml:3 server.xml:3 cannot be parsed: XML nested deeper than 64 levels is not read. Fix or regenerate the file, or exclude it if it is not a certificate.",
        ]);
    }
}
