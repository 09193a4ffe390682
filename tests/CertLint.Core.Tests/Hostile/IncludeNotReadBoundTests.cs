using System.Text;
using CertLint.Tests.Pki;

namespace CertLint.Core.Tests.Hostile;

/// <summary>
/// A configuration of includes that read no file (config-include-not-read), as a pull request can write 50,000 of them in
/// 1 MB: each one's note costs file-system look-ups, so at most the configuration's 100 problems are kept (the rest are
/// counted), and nothing of the written paths beyond a short, printable quote reaches a message.
/// </summary>
public sealed class IncludeNotReadBoundTests
{
    [Test]
    public void Fifty_thousand_missing_includes_are_one_hundred_notes_and_one_count()
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.ServerCertificate(dir);
        var text = new StringBuilder("events { }\nhttp { server {\nlisten 443 ssl;\nssl_certificate www.crt;\nssl_certificate_key www.key;\n");
        for (var i = 0; text.Length < 800_000; i++) text.Append($"include /etc/x/{i}\u202e.conf;\n");
        text.Append("} }\n");
        ConfigComplexityTests.Write(dir, "nginx.conf", text.ToString());

        var result = BoundedLint.Run(dir.Path, ".");

        var notes = result.Of("config-include-not-read");
        notes.Length.ShouldBe(100);
        notes.ShouldContain("nginx.conf:6 nginx.conf:6: include '/etc/x/0?.conf' names a file outside the repository, and no scanned file matches its path: the TLS settings it may hold are not checked.");
        // The 101st problem (the count of the rest) meets the report's cap of 100 findings per file, which says so.
        result.Of("parse-error").ShouldBe([
            "nginx.conf:106 1 more parse-error finding in nginx.conf not shown: at most 100 findings are reported per file (limits.findingsPerFile)",
        ]);
    }
}
