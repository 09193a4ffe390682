using CertLint.Tests.Pki;

namespace CertLint.Core.Tests.Hostile;

/// <summary>
/// Absolute deployment paths in configurations are looked for by their longest tail among the scanned files
/// (UsageLinker). Scanning every file for every tail of every reference cost references × segments × files.
/// </summary>
public sealed class UsageLinkComplexityTests
{
    [Test]
    public void Deep_absolute_paths_against_ten_thousand_files_are_resolved_by_their_tail_in_bounded_time()
    {
        using var dir = new TempDirectory();
        var leaf = TestPki.CreateSelfSigned("www.example.test", o => o.ServerAuth().Dns("www.example.test"));
        Directory.CreateDirectory(dir["deep"]);
        TestPki.WritePem(dir["deep"], "www.crt", leaf);
        // 10,000 files that each hold a finding (empty PEM files): each is a candidate for every tail.
        Directory.CreateDirectory(dir["empty"]);
        for (var i = 0; i < 10_000; i++) File.WriteAllBytes(Path.Combine(dir["empty"], $"e{i}.pem"), []);
        // 2 files x 200 servers, each path 1,000 segments deep: 400 references x 1,000 tails x 10,000 files was 4 x 10^9
        // suffix tests (and 1,000 tails of up to 1,000 segments built per reference).
        var deep = string.Concat(Enumerable.Repeat("/a", 1_000)) + "/deep/www.crt";
        for (var f = 0; f < 2; f++)
        {
            var text = new System.Text.StringBuilder("http {\n");
            for (var i = 0; i < 200; i++) text.Append($"server {{ listen 443 ssl; ssl_certificate {deep}; }}\n");
            File.WriteAllText(dir[$"site{f}.conf"], text.Append("}\n").ToString());
        }

        var result = BoundedLint.Run(dir.Path, ".");

        result.Inventory.Usages.Count.ShouldBe(400);
        // The longest tail that names a scanned file (deep/www.crt) still finds it.
        result.Inventory.Usages.ShouldAllBe(u => u.Certificate!.ResolvedFullPath == dir["deep/www.crt"]);
    }
}
