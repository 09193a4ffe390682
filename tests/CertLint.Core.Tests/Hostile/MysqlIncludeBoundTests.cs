using CertLint.Tests.Pki;

namespace CertLint.Core.Tests.Hostile;

/// <summary>
/// MySQL / MariaDB option files a pull request writes to make `!include` and `!includedir` loop or fan out: a file
/// including itself, folders including each other, and 10,000 include lines. Each is built here and run through the
/// engine with a termination bound (<see cref="BoundedLint"/>); each problem is a parse-error at the include line.
/// </summary>
public sealed class MysqlIncludeBoundTests
{
    private const string Fix = ". Fix or regenerate the file, or exclude it if it is not a certificate.";

    [Test]
    public void Include_cycles_through_include_and_includedir_are_parse_errors_and_the_options_after_them_count()
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.ServerCertificate(dir);
        ConfigComplexityTests.Write(dir, "my.cnf", "[mysqld]\n!include my.cnf\n!includedir conf.d\nssl_cert = www.crt\nssl_key = www.key\n");
        // Each part includes its own folder (itself and the other part) and the main file again.
        ConfigComplexityTests.Write(dir, "conf.d/a.cnf", "!includedir .\n");
        ConfigComplexityTests.Write(dir, "conf.d/b.cnf", "!include ../my.cnf\n");

        var result = BoundedLint.Run(dir.Path, ".");

        const string loop = "cannot be parsed: include loop: the file includes itself" + Fix;
        result.Of("parse-error").ShouldBe([
            $"conf.d/a.cnf:1 conf.d/a.cnf:1 {loop}",
            $"conf.d/b.cnf:1 conf.d/b.cnf:1 {loop}",
            $"my.cnf:2 my.cnf:2 {loop}",
        ]);
        result.Inventory.Usages.Select(u => $"{u.Format} {u.Location.File.RelativePath}:{u.Location.StartLine} {u.Certificate?.Path}").ShouldBe(["mysql my.cnf:1 www.crt"]);
    }

    [Test]
    public void Ten_thousand_include_lines_stop_at_the_per_configuration_bound()
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.ServerCertificate(dir);
        ConfigComplexityTests.Write(dir, "part.ini", "[client]\nssl-mode = VERIFY_CA\n");
        ConfigComplexityTests.Write(dir, "my.cnf", "[mysqld]\nssl_cert = www.crt\nssl_key = www.key\n" + string.Concat(Enumerable.Repeat("!include part.ini\n", 10_000)));

        var result = BoundedLint.Run(dir.Path, ".");

        // 256 files are read; each include after that is refused at its line, 100 of them shown and the rest counted.
        var errors = result.Of("parse-error");
        errors.Length.ShouldBe(101);
        errors[..100].ShouldBe([.. Enumerable.Range(260, 100).Select(line =>
            $"my.cnf:{line} my.cnf:{line} cannot be parsed: more than 256 files included from one configuration: the rest are not read{Fix}")]);
        errors[100].ShouldStartWith("my.cnf:360 1 more parse-error finding in my.cnf not shown");
        result.Inventory.Usages.Select(u => $"{u.Format} {u.Role} {u.Location.File.RelativePath}:{u.Location.StartLine}")
            .ShouldBe(["mysql Server my.cnf:1", "mysql Client part.ini:1"], ignoreOrder: true);
    }
}
