using System.Text;
using CertLint.Core.Tests.Hostile;
using CertLint.Engine;
using CertLint.Tests.Pki;

namespace CertLint.Core.Tests.Usage;

/// <summary>
/// Byte order marks and UTF-16 (what Notepad, Visual Studio and PowerShell 5 write), read as the programs that load
/// the files read them (checked with OpenSSL 3.0, nginx 1.22, Apache 2.4 and HAProxy 2.6): a UTF-8 mark before a PEM
/// block or at the start of a JSON or YAML configuration is skipped, silently; nginx, Apache and HAProxy refuse a
/// configuration (or crt-list) with a mark, and nothing that loads certificates reads UTF-16: file-encoding at line 1.
/// Every such file is still read, so what it holds is judged as it would be without the mark.
/// </summary>
public sealed class FileEncodingTests
{
    private const string Rule = "file-encoding";
    private static readonly byte[] Utf8Mark = [0xEF, 0xBB, 0xBF];

    private static byte[] Utf16(string text, bool bigEndian) =>
        [.. bigEndian ? new byte[] { 0xFE, 0xFF } : [0xFF, 0xFE], .. new UnicodeEncoding(bigEndian, false).GetBytes(text)];

    [Test]
    public void A_utf8_mark_before_pem_blocks_is_skipped_as_openssl_skips_it()
    {
        using var dir = new TempDirectory();
        var chain = TestPki.CreateChain("www.example.test", o => o.ServerAuth().Dns("www.example.test"));
        TestPki.Write(dir.Path, "www.crt", [.. Utf8Mark, .. Encoding.ASCII.GetBytes(chain.Leaf.Pem)]);
        // Two files concatenated into a bundle, the second saved with a mark: the mark starts the second BEGIN line.
        TestPki.Write(dir.Path, "ca-bundle.pem", [.. Encoding.ASCII.GetBytes(chain.Intermediate.Pem), .. Utf8Mark, .. Encoding.ASCII.GetBytes(chain.Root.Pem)]);
        var key = TestPki.WriteKey(dir.Path, "www.key", chain.Leaf);
        File.WriteAllBytes(key, [.. Utf8Mark, .. File.ReadAllBytes(key)]);

        var result = BoundedLint.Run(dir.Path, ".");

        result.Findings.Where(f => f.Rule.Name is "parse-error" or Rule).ShouldBeEmpty();
        result.Inventory.Files.Select(f => $"{f.File.RelativePath} {f.Certificates.Count} {f.Keys.Count}").Order(StringComparer.Ordinal)
            .ShouldBe(["ca-bundle.pem 2 0", "www.crt 1 0", "www.key 0 1"]);
        result.Inventory.Pairs.ShouldHaveSingleItem();
    }

    [Test]
    public void A_certificate_stored_as_utf16_is_judged_and_reported_once()
    {
        using var dir = new TempDirectory();
        var expired = TestPki.CreateSelfSigned("old.example.test", o => o.ServerAuth().Dns("old.example.test")
            .Valid(TestPki.DefaultNow.AddYears(-2), TestPki.DefaultNow.AddDays(-1)));
        var fine = TestPki.CreateSelfSigned("new.example.test", o => o.ServerAuth().Dns("new.example.test"));
        TestPki.Write(dir.Path, "old.crt", Utf16(expired.Pem, bigEndian: false));
        TestPki.Write(dir.Path, "new.crt", Utf16(fine.Pem.Replace("\n", "\r\n"), bigEndian: true));
        TestPki.Write(dir.Path, "garbage.crt", Utf16("not a certificate\n", bigEndian: false));

        var result = BoundedLint.Run(dir.Path, ".");

        result.Of(Rule).ShouldBe([
            "new.crt:1 new.crt:1: the file is stored as UTF-16 big-endian (byte order mark FE FF): OpenSSL, and the servers that load certificates and keys through it (nginx, Apache httpd, HAProxy...), read only ASCII or UTF-8 text: save it as UTF-8 without a byte order mark.",
            "old.crt:1 old.crt:1: the file is stored as UTF-16 little-endian (byte order mark FF FE): OpenSSL, and the servers that load certificates and keys through it (nginx, Apache httpd, HAProxy...), read only ASCII or UTF-8 text: save it as UTF-8 without a byte order mark.",
        ]);
        result.Findings.Where(f => f.Rule.Name == "cert-expired").Select(f => f.Location.File.RelativePath).ShouldBe(["old.crt"]);
        result.Findings.Where(f => f.Rule.Name == "parse-error").Select(f => f.Location.File.RelativePath).ShouldBe(["garbage.crt"]);
        result.Inventory.Certificates.Select(c => c.Location.File.RelativePath).Order(StringComparer.Ordinal).ShouldBe(["new.crt", "old.crt"]);
    }

    [Test]
    public void Base64_without_pem_lines_is_judged_and_reported_once()
    {
        using var dir = new TempDirectory();
        var expired = TestPki.CreateSelfSigned("old.example.test", o => o.ServerAuth().Dns("old.example.test")
            .Valid(TestPki.DefaultNow.AddYears(-2), TestPki.DefaultNow.AddDays(-1)));
        TestPki.Write(dir.Path, "portal-download.cer", Convert.ToBase64String(expired.Der, Base64FormattingOptions.InsertLineBreaks));
        var key = TestPki.WriteKey(dir.Path, "portal-download.key", expired);
        var pkcs8 = Convert.FromBase64String(string.Concat(File.ReadAllLines(key).Where(l => !l.StartsWith("-----", StringComparison.Ordinal))));
        File.WriteAllText(key, Convert.ToBase64String(pkcs8));   // one line, no PEM lines
        TestPki.Write(dir.Path, "hex.crt", Convert.ToHexString(expired.Der)); // hex is base64 text too, but not of DER
        TestPki.Write(dir.Path, "short.crt", "QUJD\n");

        var result = BoundedLint.Run(dir.Path, ".");

        const string Problem = "the file is base64 without PEM BEGIN and END lines: OpenSSL, and the servers that load certificates and keys through it (nginx, Apache httpd, HAProxy...), read base64 only between those lines: add the BEGIN and END lines of its type, or convert it (base64 -d FILE | openssl x509 -inform DER).";
        result.Of(Rule).ShouldBe([$"portal-download.cer:1 portal-download.cer:1: {Problem}", $"portal-download.key:1 portal-download.key:1: {Problem}"]);
        result.Findings.Where(f => f.Rule.Name is "cert-expired" or "parse-error").Select(f => $"{f.Rule.Name} {f.Location.File.RelativePath}").Order(StringComparer.Ordinal)
            .ShouldBe(["cert-expired portal-download.cer", "parse-error hex.crt", "parse-error short.crt"]);
        result.Inventory.Pairs.ShouldHaveSingleItem();
    }

    [Test]
    public void Nginx_apache_and_haproxy_refuse_a_mark_and_their_settings_are_still_judged()
    {
        using var plain = new TempDirectory();
        using var marked = new TempDirectory();
        var leaf = TestPki.CreateSelfSigned("www.example.test", o => o.ServerAuth().Dns("www.example.test"));
        foreach (var (dir, mark) in new[] { (plain, false), (marked, true) })
        {
            TestPki.WritePem(dir.Path, "www.crt", leaf);
            TestPki.WriteKey(dir.Path, "www.key", leaf);
            File.WriteAllText(dir["www.pem"], File.ReadAllText(dir["www.crt"]) + File.ReadAllText(dir["www.key"]));
            Write(dir, "nginx/nginx.conf", mark, """
                http {
                    include conf.d/*.conf;
                }
                """);
            Write(dir, "nginx/conf.d/www.conf", mark, """
                server {
                    listen 443 ssl;
                    server_name www.example.test;
                    ssl_certificate ../www.crt;
                    ssl_certificate_key ../www.key;
                    ssl_protocols TLSv1 TLSv1.2;
                }
                """);
            Write(dir, "apache/httpd.conf", mark, """
                <VirtualHost *:443>
                    ServerName www.example.test
                    SSLEngine on
                    SSLCertificateFile ../www.crt
                    SSLCertificateKeyFile ../www.key
                    SSLProtocol all
                </VirtualHost>
                """);
            Write(dir, "haproxy/haproxy.cfg", mark: false, """
                frontend www
                    bind :443 ssl crt-list crt-list.txt ssl-min-ver TLSv1.0
                """);
            Write(dir, "haproxy/crt-list.txt", mark, "../www.pem www.example.test\n");
            // .NET's configuration and YAML parsers skip a UTF-8 mark: no finding.
            Write(dir, "kestrel/appsettings.json", mark, """
                {
                  "Kestrel": {
                    "Endpoints": {
                      "Https": {
                        "Url": "https://www.example.test:443",
                        "SslProtocols": [ "Tls", "Tls12" ],
                        "Certificate": { "Path": "../www.crt", "KeyPath": "../www.key" }
                      }
                    }
                  }
                }
                """);
        }

        var before = BoundedLint.Run(plain.Path, ".");
        var after = BoundedLint.Run(marked.Path, ".");

        before.Of(Rule).ShouldBeEmpty();
        after.Of(Rule).ShouldBe([
            "apache/httpd.conf:1 apache/httpd.conf:1: the file starts with a UTF-8 byte order mark (EF BB BF): Apache httpd reads it as part of the first directive and refuses the file: save it as UTF-8 without a byte order mark.",
            "haproxy/crt-list.txt:1 haproxy/crt-list.txt:1: the file starts with a UTF-8 byte order mark (EF BB BF): HAProxy reads it as part of the first directive and refuses the file: save it as UTF-8 without a byte order mark.",
            "nginx/conf.d/www.conf:1 nginx/conf.d/www.conf:1: the file starts with a UTF-8 byte order mark (EF BB BF): nginx reads it as part of the first directive and refuses the file: save it as UTF-8 without a byte order mark.",
            "nginx/nginx.conf:1 nginx/nginx.conf:1: the file starts with a UTF-8 byte order mark (EF BB BF): nginx reads it as part of the first directive and refuses the file: save it as UTF-8 without a byte order mark.",
        ]);
        // Everything else is what the files without marks give: the same usages, the same findings at the same lines.
        Usages(after).ShouldBe(Usages(before));
        Usages(before).Length.ShouldBe(4);
        Others(after).ShouldBe(Others(before));
        Others(before).Count(f => f.StartsWith("tls-version-weak ", StringComparison.Ordinal)).ShouldBe(4);
    }

    [Test]
    public void An_nginx_configuration_stored_as_utf16_is_read_and_reported()
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.ServerCertificate(dir);
        TestPki.Write(dir.Path, "nginx.conf", Utf16("""
            http {
                server {
                    listen 443 ssl;
                    server_name www.example.test;
                    ssl_certificate www.crt;
                    ssl_certificate_key www.key;
                    ssl_protocols TLSv1.1 TLSv1.2;
                }
            }
            """, bigEndian: false));

        var result = BoundedLint.Run(dir.Path, ".");

        result.Of(Rule).ShouldBe([
            "nginx.conf:1 nginx.conf:1: the file is stored as UTF-16 little-endian (byte order mark FF FE): nginx reads only ASCII or UTF-8 text and refuses it: save it as UTF-8 without a byte order mark.",
        ]);
        result.Inventory.Usages.Select(u => u.Service).ShouldBe(["server www.example.test listen 443"]);
        result.Of("tls-version-weak").Select(f => f.Split(' ')[0]).ShouldBe(["nginx.conf:2"]);
    }

    [Test]
    public void Key_files_found_by_their_content_are_found_after_a_mark()
    {
        using var dir = new TempDirectory();
        using var weak = System.Security.Cryptography.RSA.Create(1024);
        var line = CertLint.Core.Tests.Parsing.OpenSshPublicKeyLineTests.RsaLine(weak, comment: "deploy") + "\n";
        TestPki.Write(dir.Path, "authorized_keys", [.. Utf8Mark, .. Encoding.ASCII.GetBytes(line)]);
        TestPki.Write(dir.Path, "id_old.pub", Utf16(line, bigEndian: false));

        var result = CertLint.Tests.WeakKeys.WeakKeyRuleTests.Lint(dir.Path);

        result.Findings.Select(f => $"{f.Rule.Name} {f.Location.File.RelativePath}:{f.Location.StartLine}").Order(StringComparer.Ordinal).ShouldBe([
            "file-encoding id_old.pub:1",
            "weak-key authorized_keys:1",
            "weak-key id_old.pub:1",
        ]);
    }

    private static void Write(TempDirectory dir, string name, bool mark, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(dir[name])!);
        File.WriteAllBytes(dir[name], [.. mark ? Utf8Mark : [], .. Encoding.UTF8.GetBytes(text)]);
    }

    private static string[] Usages(LintResult result) =>
        [.. result.Inventory.Usages.Select(u => $"{u.Format} {u.Service} {u.Location.File.RelativePath}:{u.Location.StartLine} {u.Certificate?.Path}").Order(StringComparer.Ordinal)];

    private static string[] Others(LintResult result) =>
        [.. result.Findings.Where(f => f.Rule.Name != Rule)
            .Select(f => $"{f.Rule.Name} {f.Location.File.RelativePath}:{f.Location.StartLine} {f.Message}").Order(StringComparer.Ordinal)];
}
