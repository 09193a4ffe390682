using System.Text;
using CertLint.Tests.Pki;
using CertLint.Usage;

namespace CertLint.Core.Tests.Hostile;

/// <summary>
/// PostgreSQL, pg_hba.conf, Redis and Envoy configurations a pull request writes to make the configuration stage loop,
/// nest or expand without end: include cycles through `include`, `include_if_exists` and `include_dir`, a chain deeper
/// than the include depth, glob fan-out, the run's include budget, YAML alias bombs, deep nesting and a 5 MB
/// `inline_string`. Each is built here (nothing committed) and run through the engine with a termination bound
/// (<see cref="BoundedLint"/>); each problem is a parse-error at the line that causes it, naming the bound.
/// </summary>
public sealed class IncludeCycleBoundTests
{
    private const string Fix = ". Fix or regenerate the file, or exclude it if it is not a certificate.";

    private static void Write(TempDirectory dir, string name, string text) => ConfigComplexityTests.Write(dir, name, text);

    private static void ServerCertificate(TempDirectory dir) => ConfigComplexityTests.ServerCertificate(dir);

    [Test]
    public void Postgresql_include_cycles_through_each_include_form_are_parse_errors_at_the_include_that_closes_them()
    {
        using var dir = new TempDirectory();
        ServerCertificate(dir);
        Write(dir, "postgresql.conf", """
            ssl = on
            include 'postgresql.conf'
            include_if_exists 'loop-a.conf'
            include_dir 'conf.d'
            ssl_cert_file = 'www.crt'
            ssl_key_file = 'www.key'
            """);
        Write(dir, "loop-a.conf", "include 'loop-b.conf'\ninclude 'loop-b.conf'\n");
        Write(dir, "loop-b.conf", "# b\ninclude_if_exists 'loop-a.conf'\n");
        Write(dir, "conf.d/10-back.conf", "include '../postgresql.conf'\n");
        Write(dir, "conf.d/20-dir.conf", "include_dir '.'\n");

        var result = BoundedLint.Run(dir.Path, ".");

        const string loop = "cannot be parsed: include loop: the file includes itself" + Fix;
        result.Of("parse-error").ShouldBe([
            $"conf.d/10-back.conf:1 conf.d/10-back.conf:1 {loop}",
            $"conf.d/20-dir.conf:1 conf.d/20-dir.conf:1 {loop}",
            $"loop-b.conf:2 loop-b.conf:2 {loop}",
            $"postgresql.conf:2 postgresql.conf:2 {loop}",
        ]);
        // The settings after the loops are still read: the server is there.
        result.Inventory.Usages.Select(u => $"{u.Format} {u.Location.File.RelativePath}:{u.Location.StartLine}").ShouldBe(["postgresql postgresql.conf:1"]);
    }

    [Test]
    public void A_postgresql_include_chain_deeper_than_the_include_depth_stops_there()
    {
        using var dir = new TempDirectory();
        ServerCertificate(dir);
        Write(dir, "postgresql.conf", "ssl = on\ninclude 'chain-1.conf'\nssl_cert_file = 'www.crt'\nssl_key_file = 'www.key'\n");
        for (var i = 1; i <= 40; i++) Write(dir, $"chain-{i}.conf", $"# link {i}\ninclude 'chain-{i + 1}.conf'\n");
        Write(dir, "chain-41.conf", "port = 5433\n");

        var result = BoundedLint.Run(dir.Path, ".");

        result.Of("parse-error").ShouldBe([$"chain-8.conf:2 chain-8.conf:2 cannot be parsed: includes nested more than 8 deep: the deeper files are not read{Fix}"]);
    }

    [Test]
    public void Pg_hba_include_cycles_are_parse_errors_and_the_records_around_them_still_count()
    {
        using var dir = new TempDirectory();
        ServerCertificate(dir);
        Write(dir, "postgresql.conf", "ssl = on\nssl_ca_file = 'www.crt'\n");
        Write(dir, "pg_hba.conf", """
            include pg_hba.conf
            include_dir hba.d
            hostssl all all 0.0.0.0/0 cert
            """);
        Write(dir, "hba.d/a.conf", "include_if_exists ../pg_hba.conf\ninclude_dir .\n");

        var result = BoundedLint.Run(dir.Path, ".");

        const string loop = "cannot be parsed: include loop: the file includes itself" + Fix;
        result.Of("parse-error").ShouldBe([$"hba.d/a.conf:1 hba.d/a.conf:1 {loop}", $"hba.d/a.conf:2 hba.d/a.conf:2 {loop}", $"pg_hba.conf:1 pg_hba.conf:1 {loop}"]);
        // The cert record after the loops is read: the server verifies client certificates.
        result.Inventory.Usages.ShouldHaveSingleItem().VerifyPeer.ShouldBe(true);
    }

    [Test]
    public void A_pg_hba_file_of_half_a_million_continuation_lines_is_joined_in_linear_time()
    {
        using var dir = new TempDirectory();
        // 520,000 lines of a lone backslash (1 MB), then a word: one record of 520,001 lines. Appending each line to the
        // joined string copied it whole each time: 1.35 * 10^11 characters.
        Write(dir, "pg_hba.conf", string.Concat(Enumerable.Repeat("\\\n", 520_000)) + "everyone\n");

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = BoundedLint.Run(dir.Path, ".");
        TestContext.Out.WriteLine($"520,000 continuation lines read in {watch.Elapsed.TotalSeconds:F1} s");

        result.Of("parse-error").ShouldBe([$"pg_hba.conf:1 pg_hba.conf:1 cannot be parsed: invalid connection type 'everyone'{Fix}"]);
    }

    [Test]
    public void Redis_include_cycles_and_globs_that_include_each_other_stay_bounded()
    {
        using var dir = new TempDirectory();
        ServerCertificate(dir);
        Write(dir, "redis.conf", "include redis.conf\ninclude conf.d/*.conf\nport 0\ntls-port 6379\ntls-cert-file www.crt\ntls-key-file www.key\n");
        // 12 parts, each including every part (itself too): each read would include 12 more, without end.
        for (var i = 0; i < 12; i++) Write(dir, $"conf.d/part-{i:D2}.conf", "include *.conf\n");

        var result = BoundedLint.Run(dir.Path, ".");

        // Every part closes a loop; the chains of parts end at the include depth (8), and past the configuration's 100
        // problems the rest are counted in one. Distinct findings: one of each kind at each line.
        string At(int part, string problem) => $"conf.d/part-{part:D2}.conf:1 conf.d/part-{part:D2}.conf:1 cannot be parsed: {problem}{Fix}";
        result.Of("parse-error").ShouldBe([
            .. Enumerable.Range(0, 12).Select(p => At(p, "include loop: the file includes itself")),
            At(5, "more than 100 problems in this configuration: 139 from this one on (by reading order) are not listed"),
            .. Enumerable.Range(6, 6).Select(p => At(p, "includes nested more than 8 deep: the deeper files are not read")),
            $"redis.conf:1 redis.conf:1 cannot be parsed: include loop: the file includes itself{Fix}",
        ], ignoreOrder: true);
        result.Inventory.Usages.ShouldHaveSingleItem().Format.ShouldBe("redis");
    }

    [Test]
    public void Includes_past_the_run_include_budget_are_one_parse_error_naming_the_budget()
    {
        using var dir = new TempDirectory();
        ServerCertificate(dir);
        // A 1,000,000-byte file included 70 times: 70 MB read through includes, past the run's 64 MB.
        var line = "# " + new string('x', 97) + "\n";
        Write(dir, "big.part", string.Concat(Enumerable.Repeat(line, 10_000)));
        Write(dir, "redis.conf", string.Concat(Enumerable.Repeat("include big.part\n", 70)) + "port 0\ntls-port 6379\ntls-cert-file www.crt\ntls-key-file www.key\n");

        var result = BoundedLint.Run(dir.Path, ".");

        // 67 files of 1,000,000 bytes fit in 64 MB: the 68th include and each after it is refused, naming the budget.
        result.Of("parse-error").ShouldBe([.. Enumerable.Range(68, 3).Select(line => $"redis.conf:{line} redis.conf:{line} cannot be parsed: {IncludeBudget.Problem}{Fix}")]);
        IncludeBudget.Problem.ShouldBe("includes not read: the configurations include more than 10000 files or 64 MB in all");
    }

    [Test]
    public void An_envoy_alias_bomb_is_one_parse_error_not_billions_of_nodes()
    {
        using var dir = new TempDirectory();
        var yaml = new StringBuilder("static_resources:\n  clusters: []\n# envoy.transport_sockets.tls\nl0: &l0 [a, b, c, d, e, f, g, h, i, j]\n");
        for (var level = 1; level < 10; level++)
            yaml.Append($"l{level}: &l{level} [").AppendJoin(", ", Enumerable.Repeat($"*l{level - 1}", 10)).Append("]\n");
        Write(dir, "envoy.yaml", yaml.ToString());

        BoundedLint.Run(dir.Path, ".").Of("parse-error").ShouldBe([
            $"envoy.yaml:1 envoy.yaml:1 cannot be parsed: the YAML expands to more than 1000000 nodes through aliases (alias bomb?){Fix}"]);
    }

    [Test]
    public void An_envoy_file_nested_100000_deep_is_one_parse_error()
    {
        using var dir = new TempDirectory();
        Write(dir, "envoy.yaml", "static_resources: # envoy.transport_sockets.tls\n  listeners: " + new string('[', 100_000) + new string(']', 100_000) + "\n");

        BoundedLint.Run(dir.Path, ".").Of("parse-error").ShouldBe([$"envoy.yaml:2 envoy.yaml:2 cannot be parsed: nesting deeper than 64 levels{Fix}"]);
    }

    [Test]
    public void An_envoy_file_with_a_5_mb_inline_string_is_reported_as_too_large_not_read()
    {
        using var dir = new TempDirectory();
        Write(dir, "envoy.yaml", """
            static_resources:
              listeners:
              - name: https
                filter_chains:
                - transport_socket:
                    name: envoy.transport_sockets.tls
                    typed_config:
                      "@type": type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext
                      common_tls_context:
                        tls_certificates:
                        - certificate_chain:
                            inline_string: "
            """ + new string('A', 5 * 1024 * 1024) + "\"\n");

        var result = BoundedLint.Run(dir.Path, ".");
        result.Of("parse-error").ShouldBe([$"envoy.yaml:1 envoy.yaml:1 cannot be parsed: envoy configuration not read: it is larger than 1 MB, so its TLS settings were not checked{Fix}"]);
        result.AllText().ShouldNotContain("AAAAAAAA");
    }
}
