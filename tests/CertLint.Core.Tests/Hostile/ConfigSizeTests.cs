using System.Text;

namespace CertLint.Core.Tests.Hostile;

/// <summary>
/// Configurations over the 1 MB read limit (ConfigStage.MaxConfigBytes) had been skipped without a word: an nginx.conf
/// padded with 1 MB of comments (or 100,000 include lines) hid its TLS servers from every check. One that still looks
/// like a configuration is now a parse-error at line 1; a large file that is no configuration stays silent.
/// </summary>
public sealed class ConfigSizeTests
{
    [Test]
    public void An_nginx_conf_padded_past_the_limit_is_a_parse_error_not_a_silent_skip()
    {
        using var dir = new Parsing.TempDirectory();
        var conf = new StringBuilder("http {\n  server {\n    listen 443 ssl;\n    ssl_certificate www.crt;\n  }\n}\n");
        while (conf.Length <= 1024 * 1024) conf.Append("# padding padding padding padding padding padding padding padding\n");
        File.WriteAllText(dir.Combine("nginx.conf"), conf.ToString());
        // A large JSON that no reader recognises is not a configuration: nothing to say about it.
        File.WriteAllText(dir.Combine("data.json"), "{\"values\": [" + string.Join(',', Enumerable.Repeat("12345678", 150_000)) + "]}");

        var result = BoundedLint.Run(dir.Path, ".");

        result.Findings.Where(f => f.Rule.Name == "parse-error").Select(f => (f.Location.File.RelativePath, f.Location.StartLine, f.Message)).ShouldBe([
            ("nginx.conf", 1, "nginx.conf:1 cannot be parsed: nginx configuration not read: it is larger than 1 MB, so its TLS settings were not checked. Fix or regenerate the file, or exclude it if it is not a certificate."),
        ]);
    }
}
