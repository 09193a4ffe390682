namespace CertLint.Cli.Tests.Configurations;

/// <summary>
/// tests/fixtures/configs/includes: one configuration per format whose include names a file the scan does not hold. Each
/// such include is one config-include-not-read note at its line (the settings it may hold are not checked, which must not
/// pass silently); optional includes, globs and folders matching nothing, and the distribution files that hold no TLS
/// setting are silent.
/// </summary>
public sealed class IncludeNotReadTests
{
    [Test]
    public void Each_include_that_reads_no_file_is_one_note_at_its_line()
    {
        using var repo = new ConfigFixture("includes");
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldBe([
            "config-include-not-read apache/httpd.conf:17",
            "config-include-not-read apache/httpd.conf:8",
            "config-include-not-read caddy/Caddyfile:12",
            "config-include-not-read caddy/Caddyfile:5",
            "config-include-not-read mysql/my.cnf:7",
            "config-include-not-read nginx/nginx.conf:12",
            "config-include-not-read nginx/nginx.conf:13",
            "config-include-not-read openvpn/server.conf:10",
            "config-include-not-read postgresql/postgresql.conf:8",
            "config-include-not-read redis/redis.conf:7",
        ], outcome.Out);
        outcome.ExitCode.ShouldBe(0);
        ConfigFixture.Messages(json, "config-include-not-read").ShouldContain(
            "nginx/nginx.conf:12: include '/etc/letsencrypt/options-ssl-nginx.conf' names a file outside the repository, and no scanned file matches its path: the TLS settings it may hold are not checked.");
        ConfigFixture.Messages(json, "config-include-not-read").ShouldContain(
            "apache/httpd.conf:17: Include '${TLS_CONF_DIR}/client-auth.conf' names a path the deployment's environment sets: the TLS settings it may hold are not checked.");
        ConfigFixture.Messages(json, "config-include-not-read").ShouldContain(
            "nginx/nginx.conf:13: include 'snippets/mtls.conf' names a file that is not in the repository: the TLS settings it may hold are not checked.");
    }

    [Test]
    public void An_include_found_by_its_tail_is_read_and_an_absolute_glob_does_not_include_its_includer()
    {
        // nginx.conf's /etc/nginx/snippets/tls.conf is nginx/snippets/tls.conf; /etc/nginx/conf.d/*.conf finds its tail
        // (*.conf) beside nginx.conf, which is no include loop.
        using var repo = new ConfigFixture("includes");
        var inventory = CliRunner.InProcess(repo.Root, null, "inventory", "--now", "2030-01-01");
        inventory.ExitCode.ShouldBe(0, inventory.Out + inventory.Error);
        inventory.Out.ShouldContain("protocols    TLSv1.2, TLSv1.3 (nginx/snippets/tls.conf:1 ssl_protocols)");
        repo.Lint().Findings.ShouldNotContain(f => f.StartsWith("parse-error"));
    }

    [Test]
    public void An_included_file_over_the_size_limit_is_a_parse_error_not_a_silent_gap()
    {
        using var repo = new ConfigFixture("includes");
        File.WriteAllText(Path.Combine(repo.Root, "nginx", "snippets", "tls.conf"), "# padding\n" + new string('#', 1_100_000) + "\n");
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldContain("parse-error nginx/nginx.conf:14", outcome.Out);
        ConfigFixture.Messages(json, "parse-error").ShouldContain(
            "nginx/nginx.conf:14 cannot be parsed: the included file is not read: it is larger than 1 MB, binary or unreadable. Fix or regenerate the file, or exclude it if it is not a certificate.");
    }
}
