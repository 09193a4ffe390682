using System.Text.Json;

namespace CertLint.Cli.Tests.PathModel;

/// <summary>Issue 12, "console polish seen in the same session": each point through the CLI on a temporary tree.</summary>
public class ConsolePolishTests
{
    private static readonly DateTimeOffset Issued = new(2026, 5, 25, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Thirty seconds after issue: a 10-day certificate has 9.9997 days left.</summary>
    private const string JustAfterIssue = "2026-05-25T00:00:30Z";

    private static readonly byte[] LongSerial = [0x5A, .. Enumerable.Range(1, 19).Select(i => (byte)i)];
    private const string LongSerialHex = "5A0102030405060708090A0B0C0D0E0F10111213";

    [Test]
    public void Version_prints_one_line()
    {
        var r = CliRunner.InProcess(Path.GetTempPath(), null, "--version");
        r.ExitCode.ShouldBe(0);
        r.Out.TrimEnd('\n').Split('\n').ShouldHaveSingleItem().ShouldMatch(@"^certlint \d+\.\d+\.\d+\S*$");
        r.Error.ShouldBeEmpty();
    }

    [TestCase(new[] { "--fail-onn", "error", "." }, "Unrecognized option '--fail-onn'. Did you mean '--fail-on'?", "certlint")]
    [TestCase(new[] { "rules", "--al" }, "Unrecognized option '--al'.", "certlint rules")]
    [TestCase(new[] { "rules", "validate", "--confg", "x" }, "Unrecognized option '--confg'. Did you mean '--config'?", "certlint rules validate")]
    public void An_unknown_option_prints_one_hint_on_stderr_and_exits_2(string[] args, string problem, string command)
    {
        var r = CliRunner.InProcess(Path.GetTempPath(), null, args);
        r.ExitCode.ShouldBe(2);
        r.Out.ShouldBeEmpty("the parser's own hint must not reach stdout");
        r.Error.TrimEnd('\n').Split('\n').ShouldBe([$"certlint: {problem}", $"Run '{command} --help' for usage."]);
    }

    [TestCase("--password", "hunter2")]
    [TestCase("--password=hunter2")]
    public void Password_on_the_command_line_explains_where_passwords_come_from(params string[] option)
    {
        var r = CliRunner.InProcess(Path.GetTempPath(), null, [.. option, "."]);
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldContain("CERTLINT_PASSWORD");
        r.Error.ShouldContain("--password-env NAME");
        r.Error.ShouldNotContain("Did you mean");
        (r.Out + r.Error).ShouldNotContain("hunter2");
        r.Error.ShouldNotContain("   at ");
    }

    [Test]
    public void A_10_day_certificate_has_10_days_left_in_the_console_and_the_markdown_report()
    {
        using var tree = TenDayTree(out _);
        var markdown = Path.Combine(tree.Output, "r.md");
        var r = CliRunner.InProcess(tree.Repo, null, ".", "--now", JustAfterIssue, "--markdown", markdown);
        r.ExitCode.ShouldBe(0, r.Out + r.Error);
        r.Out.ShouldContain("expires on 2026-06-04T00:00:00Z, in 10 days: renew it now.");
        File.ReadAllText(markdown).ShouldContain("| 2026-06-04 | 10 | CN=ten.acme.test |");
    }

    [Test]
    public void A_long_serial_is_shortened_in_the_console_and_whole_in_the_reports()
    {
        using var tree = TenDayTree(out _);
        var json = Path.Combine(tree.Output, "r.json");
        var sarif = Path.Combine(tree.Output, "r.sarif");
        var r = CliRunner.InProcess(tree.Repo, null, ".", "--now", JustAfterIssue, "--json", json, "--sarif", sarif);
        r.Out.ShouldContain("CN=ten.acme.test (serial 5A010203...10111213, SHA-256 ");
        r.Out.ShouldNotContain(LongSerialHex);
        File.ReadAllText(sarif).ShouldContain($"(serial {LongSerialHex}, SHA-256 ");
        JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("certificates").EnumerateArray()
            .Select(c => c.GetProperty("serial").GetString()).ShouldContain(LongSerialHex);
    }

    [Test]
    public void New_only_marks_the_new_findings_in_the_console()
    {
        using var tree = TenDayTree(out var ca);
        var baseline = Path.Combine(tree.Output, "baseline.sarif");
        CliRunner.InProcess(tree.Repo, null, ".", "--now", JustAfterIssue, "--sarif", baseline).ExitCode.ShouldBe(0);
        tree.WriteCert("certs/nine.crt", tree.Leaf("nine.acme.test", ca, notBefore: Issued, days: 9).Cert);

        var r = CliRunner.InProcess(tree.Repo, null, ".", "--now", JustAfterIssue, "--baseline", baseline, "--new-only", "--fail-on", "warning");
        r.ExitCode.ShouldBe(1, r.Out + r.Error);
        var lines = r.Out.Split('\n');
        // The expiry findings (the run-level role-unknown note names both certificates too).
        lines.Single(l => l.Contains("CN=nine.acme.test", StringComparison.Ordinal) && l.Contains("cert-expiring-soon", StringComparison.Ordinal)).ShouldEndWith("  [new]");
        lines.Single(l => l.Contains("CN=ten.acme.test", StringComparison.Ordinal) && l.Contains("cert-expiring-soon", StringComparison.Ordinal)).ShouldNotContain("[new]");
        r.Out.ShouldContain("Failed: 1 finding at or above warning (new only).");
    }

    [Test]
    public void The_markdown_report_lists_suppressions_and_expired_suppressions()
    {
        using var tree = TenDayTree(out var ca);
        tree.WriteCert("legacy/old.crt", tree.Leaf("old.acme.test", ca, notBefore: Issued, days: 5).Cert);
        tree.Write(".certlint.yml", """
            suppressions:
              - rule: cert-expiring-soon
                path: legacy/**
                reason: Legacy device, replaced in Q3
                expires: 2026-09-30
              - rule: cert-expiring-soon
                path: certs/ten.crt
                reason: Renewal ticket OPS-12
                expires: 2026-05-01
            """);
        var markdown = Path.Combine(tree.Output, "r.md");
        CliRunner.InProcess(tree.Repo, null, ".", "--now", JustAfterIssue, "--markdown", markdown).ExitCode.ShouldBe(0);
        var md = File.ReadAllText(markdown);

        var suppressed = Section(md, "### Suppressed findings");
        suppressed.ShouldContain("| warning | [CL0103 cert-expiring-soon](");
        suppressed.ShouldContain("| legacy/old.crt:1-");
        suppressed.ShouldContain("| Legacy device, replaced in Q3 | .certlint.yml:2 | 2026-09-30 |");
        suppressed.ShouldNotContain("ten.acme.test");

        var expired = Section(md, "### Expired suppressions");
        expired.ShouldContain("| cert-expiring-soon | path certs/ten.crt | 2026-05-01 | Renewal ticket OPS-12 | .certlint.yml:6 |");
        expired.ShouldNotContain("Legacy device");
    }

    [Test]
    public void A_distinguished_name_is_written_the_same_way_in_console_and_every_report()
    {
        using var tree = TenDayTree(out var ca);
        tree.WriteCert("certs/org.crt", tree.Leaf("org.acme.test", ca, notBefore: Issued, days: 10, subject: "CN=org.acme.test, O=\"Acme, Inc.\", C=DE").Cert);
        tree.WriteCert("certs/nameless.crt", tree.Leaf("nameless.acme.test", ca, notBefore: Issued, days: 10, subject: "").Cert);
        var (json, sarif, markdown) = (Path.Combine(tree.Output, "r.json"), Path.Combine(tree.Output, "r.sarif"), Path.Combine(tree.Output, "r.md"));
        var r = CliRunner.InProcess(tree.Repo, null, ".", "--now", JustAfterIssue, "--json", json, "--sarif", sarif, "--markdown", markdown);

        var subjects = JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("certificates").EnumerateArray()
            .Select(c => c.GetProperty("subject").GetString()!).ToList();
        var dn = subjects.Single(s => s.Contains("org.acme.test", StringComparison.Ordinal));
        dn.ShouldBe(@"CN=org.acme.test,O=Acme\, Inc.,C=DE");
        subjects.ShouldContain("", "JSON carries the real (empty) subject");
        foreach (var name in new[] { dn, "(empty subject, SAN nameless.acme.test)" })
        {
            r.Out.ShouldContain($"  {name} (serial ");
            File.ReadAllText(sarif).ShouldContain($"\"{name.Replace(@"\", @"\\", StringComparison.Ordinal)} (serial ");
            File.ReadAllText(markdown).ShouldContain($"| {CertLint.Reporting.MarkdownText.Escape(name)} |");
        }
    }

    /// <summary>A root and a 10-day leaf with a 20-byte serial issued <see cref="Issued"/>: certs/ten.crt.</summary>
    private static RepoTree TenDayTree(out (System.Security.Cryptography.X509Certificates.X509Certificate2 Cert, System.Security.Cryptography.ECDsa Key) ca)
    {
        var tree = new RepoTree(git: true);
        ca = tree.Ca("Polish Root CA");
        tree.WriteCert("ca/root.crt", ca.Cert);
        tree.WriteCert("certs/ten.crt", tree.Leaf("ten.acme.test", ca, notBefore: Issued, days: 10, serial: LongSerial).Cert);
        return tree;
    }

    private static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf(heading, StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, $"no '{heading}' in:\n{markdown}");
        var end = markdown.IndexOf("\n### ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? markdown[start..] : markdown[start..end];
    }
}
