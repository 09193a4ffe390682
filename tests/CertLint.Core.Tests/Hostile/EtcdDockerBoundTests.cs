using System.Diagnostics;
using CertLint.Tests.Pki;
using CertLint.Usage;
using CertLint.Usage.Docker;
using CertLint.Usage.Etcd;

namespace CertLint.Core.Tests.Hostile;

/// <summary>
/// etcd's URL settings and daemon.json's hosts are lists a file controls: a pull request can write ten thousand names
/// on one line for the host checks to compare. Each is read up to its bound, past which one issue at the line says so.
/// </summary>
public sealed class EtcdDockerBoundTests
{
    [Test]
    public void Ten_thousand_etcd_urls_are_a_hundred_hosts_and_one_issue_at_the_line()
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.ServerCertificate(dir);
        var urls = string.Join(',', Enumerable.Range(0, 10_000).Select(i => $"https://m{i}.example.test:2379"));
        var cluster = string.Join(',', Enumerable.Range(0, 10_000).Select(i => $"m{i}=https://m{i}.example.test:2380"));
        ConfigComplexityTests.Write(dir, "etcd.conf.yml",
            $"name: m0\nadvertise-client-urls: {urls}\ninitial-cluster: {cluster}\nclient-transport-security:\n  cert-file: www.crt\n  key-file: www.key\n" +
            "peer-transport-security:\n  cert-file: www.crt\n  key-file: www.key\n");

        var clock = Stopwatch.StartNew();
        var result = BoundedLint.Run(dir.Path, ".");

        clock.Elapsed.ShouldBeLessThan(BoundedLint.Bound);
        var server = result.Inventory.Usages.First(u => u.Service == "etcd client transport");
        server.Hosts.Count.ShouldBe(EtcdReader.MaxUrls);
        // The other member this one dials is the first of initial-cluster that is not itself.
        result.Inventory.Usages.Single(u => u.Role == UsageRole.Client).PeerHost.ShouldBe("m1.example.test");
        result.Of("parse-error").ShouldBe([
            "etcd.conf.yml:2 etcd.conf.yml:2 cannot be parsed: more than 100 URLs in advertise-client-urls: the rest are not read. Fix or regenerate the file, or exclude it if it is not a certificate.",
            "etcd.conf.yml:3 etcd.conf.yml:3 cannot be parsed: more than 100 URLs in initial-cluster: the rest are not read. Fix or regenerate the file, or exclude it if it is not a certificate.",
        ]);
        // One finding for the names the certificate lacks, not one per name.
        result.Of("config-host-mismatch").ShouldHaveSingleItem();
    }

    [Test]
    public void Ten_thousand_docker_hosts_are_a_hundred_and_one_issue_at_the_line()
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.ServerCertificate(dir);
        var hosts = string.Join(',', Enumerable.Range(0, 10_000).Select(i => $"\"tcp://d{i}.example.test:2376\""));
        ConfigComplexityTests.Write(dir, "daemon.json",
            $"{{\n\"hosts\": [{hosts}],\n\"tlsverify\": false,\n\"tlscert\": \"www.crt\",\n\"tlskey\": \"www.key\"\n}}\n");

        var clock = Stopwatch.StartNew();
        var result = BoundedLint.Run(dir.Path, ".");

        clock.Elapsed.ShouldBeLessThan(BoundedLint.Bound);
        result.Inventory.Usages.ShouldHaveSingleItem().Hosts.Count.ShouldBe(DockerReader.MaxHosts);
        result.Of("parse-error").ShouldBe([
            "daemon.json:2 daemon.json:2 cannot be parsed: more than 100 entries in hosts: the rest are not read. Fix or regenerate the file, or exclude it if it is not a certificate.",
        ]);
        result.Of("config-host-mismatch").ShouldHaveSingleItem();
    }
}
