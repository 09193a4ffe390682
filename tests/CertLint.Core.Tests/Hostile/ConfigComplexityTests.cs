using System.Diagnostics;
using CertLint.Tests.Pki;
using CertLint.Usage;

namespace CertLint.Core.Tests.Hostile;

/// <summary>
/// Configuration files a pull request writes to make the configuration stage loop, fan out or read outside the
/// repository: include cycles, include globs that match each other, XML external entities, and links to devices.
/// Each input is built here; each run goes through the engine with a termination bound (<see cref="BoundedLint"/>).
/// </summary>
public sealed class ConfigComplexityTests
{
    internal static void Write(TempDirectory dir, string name, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(dir[name])!);
        File.WriteAllText(dir[name], text);
    }

    /// <summary>www.crt and www.key: a self-signed server certificate for www.example.test and its key.</summary>
    internal static void ServerCertificate(TempDirectory dir)
    {
        var leaf = TestPki.CreateSelfSigned("www.example.test", o => o.ServerAuth().Dns("www.example.test"));
        TestPki.WritePem(dir.Path, "www.crt", leaf);
        TestPki.WriteKey(dir.Path, "www.key", leaf);
    }

    [Test]
    public void An_nginx_include_cycle_is_a_parse_error_at_the_include_that_closes_it()
    {
        using var dir = new TempDirectory();
        ServerCertificate(dir);
        Write(dir, "nginx.conf", """
            http {
                include nginx.conf;
                include loop-a.conf;
                include loop-a.conf;
                server { listen 443 ssl; server_name www.example.test; ssl_certificate www.crt; ssl_certificate_key www.key; }
            }
            """);
        Write(dir, "loop-a.conf", "include loop-b.conf;\ninclude loop-b.conf;\n");
        Write(dir, "loop-b.conf", "# b\ninclude loop-a.conf;\n");

        var result = BoundedLint.Run(dir.Path, ".");

        result.Of("parse-error").ShouldBe([
            "loop-b.conf:2 loop-b.conf:2 cannot be parsed: include loop: the file includes itself. Fix or regenerate the file, or exclude it if it is not a certificate.",
            "nginx.conf:2 nginx.conf:2 cannot be parsed: include loop: the file includes itself. Fix or regenerate the file, or exclude it if it is not a certificate.",
        ]);
        // The server block after the loops is still read: its certificate is served and its name covered.
        result.Of("config-host-mismatch").ShouldBeEmpty();
        result.Of("role-unknown").ShouldBeEmpty();
    }

    [Test]
    public void Nginx_include_globs_that_match_every_file_stay_bounded()
    {
        using var dir = new TempDirectory();
        ServerCertificate(dir);
        // 300 sites, each including every site (itself too): nginx itself would recurse until it ran out of files.
        const int sites = 300;
        for (var i = 0; i < sites; i++)
        {
            Write(dir, $"conf.d/site-{i:D3}.conf",
                $"include /etc/nginx/conf.d/*.conf;\nserver {{ listen 443 ssl; server_name www.example.test; ssl_certificate /etc/nginx/www.crt; }}\n");
        }
        Write(dir, "nginx.conf", "http {\n    include conf.d/*.conf;\n}\n");

        var watch = Stopwatch.StartNew();
        var result = BoundedLint.Run(dir.Path, ".");
        TestContext.Out.WriteLine($"{sites} mutually including sites linted in {watch.Elapsed.TotalSeconds:F1} s");

        // Each site including itself is a loop; the chains of sites including each other end at the depth and count
        // limits of one file's includes, and the run's include budget ends the rest.
        var errors = result.Of("parse-error");
        errors.ShouldNotBeEmpty();
        errors.ShouldAllBe(e => e.Contains("include loop: the file includes itself") || e.Contains("includes nested more than 8 deep") || e.Contains("more than 256 files included from one configuration")
                                || e.Contains("includes not read: the configurations include more than 10000 files or 64 MB in all"));
        errors.ShouldContain(e => e.Contains("includes not read"));
    }

    [Test]
    public void Include_globs_skip_dot_files_as_glob_does()
    {
        using var dir = new TempDirectory();
        ServerCertificate(dir);
        // glob(3), which nginx, Apache and Redis use, matches a leading dot only when the pattern has one: an editor's
        // .site.conf.swp-like copy or a disabled ".old.conf" is not served. Each site names a certificate that is not
        // there, so each file the include read shows as one config-file-missing.
        for (var i = 0; i < 3; i++)
            Write(dir, $"sites/site-{i}.conf", $"server {{ listen 443 ssl; server_name www.example.test; ssl_certificate missing-{i}.crt; ssl_certificate_key www.key; }}\n");
        Write(dir, "sites/.old.conf", "server { listen 443 ssl; server_name www.example.test; ssl_certificate missing-old.crt; ssl_certificate_key www.key; }\n");
        Write(dir, "nginx.conf", "http {\n    include /etc/nginx/sites/*.conf;\n}\n");

        var result = BoundedLint.Run(dir.Path, "nginx.conf", "www.crt", "www.key");

        result.Findings.Where(f => f.Rule.Name == "config-file-missing").Select(f => f.Location.File.RelativePath).Order(StringComparer.Ordinal)
            .ShouldBe(["sites/site-0.conf", "sites/site-1.conf", "sites/site-2.conf"]);
    }

    [Test]
    public void A_crt_list_or_kestrel_base_file_past_the_include_budget_is_a_parse_error_at_the_referencing_file()
    {
        using var dir = new TempDirectory();
        ServerCertificate(dir);
        // 40 nginx files each including the same 256 files: 10,240 includes, past the run's 10,000. The files sort
        // before haproxy.cfg and web/, so the budget is spent when those are read.
        for (var i = 0; i < 256; i++) Write(dir, $"inc/{i:D3}.inc", "# empty\n");
        for (var i = 0; i < 40; i++) Write(dir, $"a-site-{i:D2}.conf", "http {\n    include inc/*.inc;\n}\n");
        Write(dir, "sites.crtlist", "www.crt www.example.test\n");
        Write(dir, "haproxy.cfg", "frontend www\n    bind :443 ssl crt-list sites.crtlist\n    default_backend app\n");
        Write(dir, "web/appsettings.json", """{ "Kestrel": { "Endpoints": { "Https": { "Url": "https://www.example.test" } } } }""");
        Write(dir, "web/appsettings.Production.json", """{ "Kestrel": { "Certificates": { "Default": { "Path": "../www.crt", "KeyPath": "../www.key" } } } }""");

        var result = BoundedLint.Run(dir.Path, ".");

        const string Problem = "cannot be parsed: includes not read: the configurations include more than 10000 files or 64 MB in all. Fix or regenerate the file, or exclude it if it is not a certificate.";
        result.Of("parse-error").ShouldBe([
            $"a-site-39.conf:2 a-site-39.conf:2 {Problem}",
            $"haproxy.cfg:2 haproxy.cfg:2 {Problem}",
            $"web/appsettings.Production.json:1 web/appsettings.Production.json:1 {Problem}",
        ]);
    }

    [Test]
    public void Ten_thousand_inherited_certificates_times_ten_thousand_servers_stop_at_the_usage_limit()
    {
        using var dir = new TempDirectory();
        ServerCertificate(dir);
        // 400 KB of text, 10^8 (server, certificate) pairs if every inherited ssl_certificate became a usage.
        var text = new System.Text.StringBuilder("http {\n");
        for (var i = 0; i < 10_000; i++) text.Append("ssl_certificate www.crt;\n");
        for (var i = 0; i < 10_000; i++) text.Append("server { listen 443 ssl; }\n");
        Write(dir, "nginx.conf", text.Append("}\n").ToString());

        var result = BoundedLint.Run(dir.Path, ".");

        result.Of("parse-error").ShouldBe([
            "nginx.conf:10002 nginx.conf:10002 cannot be parsed: more than 5000 TLS usages in one configuration: the rest are not read. Fix or regenerate the file, or exclude it if it is not a certificate.",
        ]);
    }

    [Test]
    public void Usages_past_the_run_cap_are_counted_in_one_parse_error_not_judged()
    {
        using var dir = new TempDirectory();
        ServerCertificate(dir);
        // 7 files of 4,000 servers, each under the per-file cap: 28,000 usages, 3,000 past the run's 25,000.
        var text = new System.Text.StringBuilder("http {\n");
        for (var i = 0; i < 4_000; i++) text.Append("server { listen 443 ssl; ssl_certificate www.crt; ssl_certificate_key www.key; }\n");
        for (var f = 0; f < 7; f++) Write(dir, $"site{f}.conf", text.ToString() + "}\n");

        var result = BoundedLint.Run(dir.Path, ".");

        result.Inventory.Usages.Count.ShouldBe(RunUsageCap.MaxUsages);
        // The 25,001st usage is the 1,001st server of the 7th file, at its line 1,002.
        result.Of("parse-error").ShouldBe([
            "site6.conf:1002 site6.conf:1002 cannot be parsed: more than 25000 TLS usages in the run's configurations: 3000 usages from this one on (by file and line) were not judged. Fix or regenerate the file, or exclude it if it is not a certificate.",
        ]);
    }

    [Test]
    public void Usages_of_included_files_count_once_toward_the_run_cap()
    {
        using var dir = new TempDirectory();
        ServerCertificate(dir);
        // 6 files of 4,000 servers, each included by its own nginx.conf and read on its own too: 24,000 usages judged
        // (in their includers), under the run's 25,000; counted at both readings they were 48,000.
        var servers = new System.Text.StringBuilder();
        for (var i = 0; i < 4_000; i++) servers.Append("server { listen 443 ssl; ssl_certificate ../www.crt; ssl_certificate_key ../www.key; }\n");
        for (var f = 0; f < 6; f++)
        {
            Write(dir, $"a{f}/servers.conf", servers.ToString());
            Write(dir, $"a{f}/nginx.conf", "http {\n    include servers.conf;\n}\n");
        }

        var result = BoundedLint.Run(dir.Path, ".");

        result.Of("parse-error").ShouldBeEmpty();
        result.Inventory.Usages.Count.ShouldBe(24_000);
    }

    [Test]
    public void An_apache_file_of_half_a_million_continuation_lines_is_joined_in_linear_time()
    {
        using var dir = new TempDirectory();
        ServerCertificate(dir);
        // 1 MB: one logical line of 500,000 physical ones. Joined by string concatenation, each step copied the line so
        // far: about 10^11 characters copied.
        var text = new System.Text.StringBuilder("<VirtualHost *:443>\nSSLEngine on\nSSLCertificateFile www.crt\n</VirtualHost>\n# ");
        for (var i = 0; i < 500_000; i++) text.Append("\\\n");
        Write(dir, "httpd.conf", text.Append("end\n").ToString());

        var result = BoundedLint.Run(dir.Path, ".");

        result.Inventory.Usages.Select(u => $"{u.Location.File.RelativePath}:{u.Location.StartLine}").ShouldBe(["httpd.conf:1"]);
        result.Of("parse-error").ShouldBeEmpty();
    }

    [Test]
    public void Nineteen_thousand_usages_presenting_one_client_certificate_to_each_other_are_judged_in_linear_time()
    {
        using var dir = new TempDirectory();
        var ca = TestPki.CreateRoot("Client CA");
        var other = TestPki.CreateRoot("Other CA");
        var client = other.Issue("client", o => o.ClientAuth());
        TestPki.WritePem(dir.Path, "ca.pem", ca);
        TestPki.WritePem(dir.Path, "client.crt", client);
        TestPki.WriteKey(dir.Path, "client.key", client);
        // 4 files x 2,400 mTLS servers, each with a client presenting client.crt (issued by another CA): 9,600 servers and
        // 9,600 clients in one folder, so every client presents to every server (9,600^2 pairs, 140 s before).
        for (var f = 0; f < 4; f++)
        {
            var text = new System.Text.StringBuilder("http {\nssl_verify_client on;\nssl_client_certificate ca.pem;\nproxy_ssl_certificate client.crt;\n");
            for (var i = 0; i < 2400; i++) text.Append($"server {{ listen 443 ssl; location / {{ proxy_pass https://up{i}; }} }}\n");
            Write(dir, $"site{f}.conf", text.Append("}\n").ToString());
        }

        var result = BoundedLint.Run(dir.Path, ".");

        result.Inventory.Usages.Count.ShouldBe(19_200);
        // One finding per server (the one certificate its clients present, judged once), then the per-file cap: 100
        // findings and one "N more" in each of the 4 files.
        var mismatches = result.Of("mtls-client-ca-mismatch");
        mismatches.Length.ShouldBe(404);
        mismatches.GroupBy(m => m[..m.IndexOf(':', StringComparison.Ordinal)]).Select(g => g.Count()).ShouldBe([101, 101, 101, 101]);
    }

    [Test]
    public void Nine_thousand_proxies_to_nine_thousand_servers_of_one_name_are_judged_once_per_certificate()
    {
        using var dir = new TempDirectory();
        var ca = TestPki.CreateRoot("Server CA");
        var other = TestPki.CreateRoot("Other CA");
        var server = ca.Issue("api.test", o => o.ServerAuth().Dns("api.test"));
        TestPki.WritePem(dir.Path, "ca.pem", ca);
        TestPki.WritePem(dir.Path, "other.pem", other);
        TestPki.WritePem(dir.Path, "server.crt", server);
        TestPki.WriteKey(dir.Path, "server.key", server);
        // 4 files x 2,400 servers answering api.test, each with a location proxying to api.test that trusts another CA:
        // every proxy connects to every server (9,600^2 pairs), which serve one certificate, judged once per proxy.
        for (var f = 0; f < 4; f++)
        {
            var text = new System.Text.StringBuilder("http {\nssl_certificate server.crt;\nssl_certificate_key server.key;\n");
            for (var i = 0; i < 2400; i++)
            {
                text.Append("server { listen 443 ssl; server_name api.test; location / { proxy_pass https://api.test; ")
                    .Append("proxy_ssl_verify on; proxy_ssl_trusted_certificate other.pem; } }\n");
            }
            Write(dir, $"site{f}.conf", text.Append("}\n").ToString());
        }

        var result = BoundedLint.Run(dir.Path, ".");

        result.Inventory.Usages.Count.ShouldBe(19_200);
        var mismatches = result.Of("peer-ca-mismatch");
        mismatches.GroupBy(m => m[..m.IndexOf(':', StringComparison.Ordinal)]).Select(g => g.Count()).ShouldBe([101, 101, 101, 101]);
    }

    [Test]
    public void Twenty_five_thousand_usages_naming_missing_files_are_judged_in_linear_time()
    {
        using var dir = new TempDirectory();
        // 5 files x 5,000 servers, each naming a certificate that is not there: config-file-missing asked, for each
        // reference, which usage names it first by scanning every usage (25,000^2 lookups, each building a list: 5,000
        // usages took 9 s and 6 GB of allocations, so these about 4 minutes).
        for (var f = 0; f < 5; f++)
        {
            var text = new System.Text.StringBuilder("http {\n");
            for (var i = 0; i < 5_000; i++) text.Append($"server {{ listen 443 ssl; ssl_certificate missing-{f}-{i}.crt; }}\n");
            Write(dir, $"site{f}.conf", text.Append("}\n").ToString());
        }

        var result = BoundedLint.Run(dir.Path, ".");

        result.Inventory.Usages.Count.ShouldBe(25_000);
        // Every reference is one finding; each file shows 100 and counts the other 4,900 in one more.
        var missing = result.Of("config-file-missing");
        missing.GroupBy(m => m[..m.IndexOf(':', StringComparison.Ordinal)]).Select(g => g.Count()).ShouldBe([101, 101, 101, 101, 101]);
        missing.ShouldContain(m => m.Contains("4,900 more config-file-missing findings in site0.conf not shown", StringComparison.Ordinal));
    }

    [Test]
    public void A_spring_alias_bomb_is_a_parse_error_not_a_flattening_of_billions_of_keys()
    {
        using var dir = new TempDirectory();
        ServerCertificate(dir);
        // Ten levels of ten aliases each: 10^10 keys if flattened.
        var yaml = new System.Text.StringBuilder("server:\n  ssl:\n    certificate: www.crt\nl0: &l0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10}\n");
        for (var level = 1; level < 10; level++)
            yaml.Append($"l{level}: &l{level} {{").AppendJoin(", ", Enumerable.Range(0, 10).Select(k => $"k{k}: *l{level - 1}")).Append("}\n");
        Write(dir, "application.yml", yaml.ToString());

        var result = BoundedLint.Run(dir.Path, ".");

        result.Of("parse-error").ShouldBe([
            "application.yml:1 application.yml:1 cannot be parsed: the YAML expands to more than 1000000 nodes through aliases (alias bomb?). Fix or regenerate the file, or exclude it if it is not a certificate.",
        ]);
    }

    [Test]
    public void An_xml_external_entity_is_not_read_and_nothing_of_its_target_is_echoed()
    {
        using var dir = new TempDirectory();
        ServerCertificate(dir);
        Write(dir, "SSLConfigsExport.xml", """
            <?xml version="1.0"?>
            <!DOCTYPE SSLConfigsExport [ <!ENTITY passwd SYSTEM "file:///etc/passwd"> ]>
            <SSLConfigsExport><SSLConfigs><Name>x</Name><CertificateFile>&passwd;</CertificateFile></SSLConfigs></SSLConfigsExport>
            """);
        // The same without a DOCTYPE keyword the reader looks for: the XML reader must refuse the DTD itself.
        Write(dir, "lower.xml", "<?xml version=\"1.0\"?>\n<!doctype x [ <!ENTITY p SYSTEM \"/etc/passwd\"> ]>\n<SSLConfigs><CertificateFile>&p;</CertificateFile></SSLConfigs>\n");

        var result = BoundedLint.Run(dir.Path, ".");

        result.Of("parse-error").ShouldBe([
            "SSLConfigsExport.xml:1 SSLConfigsExport.xml:1 cannot be parsed: XML with a DTD is not read (DTDs and entities are not allowed in configuration exports). Fix or regenerate the file, or exclude it if it is not a certificate.",
            "lower.xml:1 lower.xml:1 cannot be parsed: XML with a DTD is not read (DTDs and entities are not allowed in configuration exports). Fix or regenerate the file, or exclude it if it is not a certificate.",
        ]);
        var text = result.AllText();
        text.ShouldNotContain("root:");
        text.ShouldNotContain("/bin/");
        result.Of("config-file-missing").ShouldBeEmpty();
    }

    [Test]
    public void Links_to_dev_zero_and_link_loops_in_the_scan_root_are_unreadable_files_not_hangs()
    {
        if (OperatingSystem.IsWindows()) Assert.Ignore("/dev/zero and symbolic links are Unix tests");
        using var dir = new TempDirectory();
        ServerCertificate(dir);
        File.CreateSymbolicLink(dir["zero.pem"], "/dev/zero");
        File.CreateSymbolicLink(dir["nginx.conf"], "/dev/zero");
        Directory.CreateDirectory(dir["conf.d"]);
        File.CreateSymbolicLink(dir["conf.d/zero.conf"], "/dev/zero");
        Write(dir, "site.conf", "include conf.d/*.conf;\nserver { listen 443 ssl; ssl_certificate www.crt; }\n");
        File.CreateSymbolicLink(dir["a.crt"], dir["b.crt"]);
        File.CreateSymbolicLink(dir["b.crt"], dir["a.crt"]);
        Directory.CreateSymbolicLink(dir["loop"], dir.Path);

        var result = BoundedLint.Run(dir.Path, ".");

        var unreadable = result.Findings.Where(f => f.Rule.Name is "parse-error" or "file-unreadable").Select(f => f.Location.File.RelativePath).Order(StringComparer.Ordinal).ToArray();
        unreadable.ShouldContain("zero.pem");
        unreadable.ShouldContain("a.crt");
        unreadable.ShouldAllBe(p => !p.StartsWith("loop/", StringComparison.Ordinal));
        result.Inventory.Certificates.Count.ShouldBe(1);
    }
}
