using System.Diagnostics;
using System.Text;
using CertLint.Tests.Pki;

namespace CertLint.Core.Tests.Hostile;

/// <summary>
/// prometheus.yml lists a pull request writes to fan out: ten thousand TLS scrape jobs, and one job of twenty-five
/// thousand targets. Each run goes through the engine, bounded.
/// </summary>
public sealed class PrometheusBoundTests
{
    [Test]
    public void Ten_thousand_scrape_jobs_are_a_thousand_usages_and_one_issue_at_the_first_not_read()
    {
        using var dir = new TempDirectory();
        var yml = new StringBuilder("scrape_configs:\n");
        for (var i = 0; i < 10_000; i++) yml.Append($"  - job_name: j{i}\n    scheme: https\n    tls_config:\n      server_name: node.example.test\n");
        ConfigComplexityTests.Write(dir, "prometheus.yml", yml.ToString());

        var clock = Stopwatch.StartNew();
        var result = BoundedLint.Run(dir.Path, ".");

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
        result.Inventory.Usages.Count.ShouldBe(1_000);
        result.Inventory.Usages.ShouldAllBe(u => u.Format == "prometheus");
        result.Of("parse-error").ShouldBe([
            "prometheus.yml:4002 prometheus.yml:4002 cannot be parsed: more than 1000 scrape_configs entries: the rest are not read. Fix or regenerate the file, or exclude it if it is not a certificate.",
        ]);
    }

    [Test]
    public void A_job_of_twenty_five_thousand_targets_names_no_peer_past_the_targets_bound()
    {
        using var dir = new TempDirectory();
        var yml = new StringBuilder("scrape_configs:\n  - job_name: many\n    scheme: https\n    static_configs:\n      - targets:\n");
        // One host written 25,000 times (800 KB): past 1,000 targets the host is not looked for, the job still read.
        for (var i = 0; i < 25_000; i++) yml.Append("          - node1.example.test:9100\n");
        ConfigComplexityTests.Write(dir, "prometheus.yml", yml.ToString());

        var clock = Stopwatch.StartNew();
        var result = BoundedLint.Run(dir.Path, ".");

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
        var usage = result.Inventory.Usages.ShouldHaveSingleItem();
        usage.Service.ShouldBe("scrape job many");
        usage.PeerHost.ShouldBeNull();
        result.Of("parse-error").ShouldBeEmpty();
    }
}
