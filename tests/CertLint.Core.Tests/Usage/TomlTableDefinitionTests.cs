using CertLint.Core.Tests.Hostile;
using CertLint.Tests.Pki;

namespace CertLint.Core.Tests.Usage;

/// <summary>
/// TOML 1.0's rule that no table is defined twice ("Table", "Inline Table", "Array of Tables"), read through Traefik's
/// TOML files: each form TOML refuses is one parse-error at the line that defines the table again, and the forms it
/// allows read without one. Each file ends with a Traefik option so the Traefik reader takes it.
/// </summary>
public sealed class TomlTableDefinitionTests
{
    private const string Traefik = "[tls.options.last]\nminVersion = \"VersionTLS12\"\n";
    private const string Twice = "a table is defined twice (TOML forbids it; Traefik refuses the file). Fix or regenerate the file, or exclude it if it is not a certificate.";

    [Test]
    public void Each_table_defined_again_is_one_parse_error_at_its_line()
    {
        using var dir = new TempDirectory();
        (string Name, string Text)[] refused =
        [
            ("header-twice.toml", "[a]\nx = 1\n[b]\n[a]\ny = 2\n"),
            ("header-twice-in-a-row.toml", "[a]\nx = 1\n[a]\ny = 2\n"),
            ("super-table-twice.toml", "[a.b]\n[a]\n[a]\n"),
            ("after-its-sub-table.toml", "[a]\n[a.b]\n[a]\n"),
            ("quoted-name.toml", "[a]\n[\"a\"]\n"),
            ("sub-table-twice-in-one-array-table.toml", "[[t]]\n[t.s]\n[t.s]\n"),
            ("header-over-dotted-keys.toml", "[f]\napple.color = 1\n[f.apple]\n"),
            ("dotted-keys-over-header.toml", "[a.b.c]\n[a]\nb.c.d = 1\n"),
            ("header-over-inline-table.toml", "a = { x = 1 }\n[a.b]\n"),
            ("dotted-keys-into-inline-table.toml", "a = { x = 1 }\na.y = 2\n"),
            ("array-of-tables-over-array.toml", "a = []\n[[a]]\n"),
        ];
        foreach (var (name, text) in refused) ConfigComplexityTests.Write(dir, name, text + Traefik);

        BoundedLint.Run(dir.Path, ".").Of("parse-error").ShouldBe([
            $"after-its-sub-table.toml:3 after-its-sub-table.toml:3 cannot be parsed: {Twice}",
            $"array-of-tables-over-array.toml:2 array-of-tables-over-array.toml:2 cannot be parsed: {Twice}",
            $"dotted-keys-into-inline-table.toml:2 dotted-keys-into-inline-table.toml:2 cannot be parsed: {Twice}",
            $"dotted-keys-over-header.toml:3 dotted-keys-over-header.toml:3 cannot be parsed: {Twice}",
            $"header-over-dotted-keys.toml:3 header-over-dotted-keys.toml:3 cannot be parsed: {Twice}",
            $"header-over-inline-table.toml:2 header-over-inline-table.toml:2 cannot be parsed: {Twice}",
            $"header-twice-in-a-row.toml:3 header-twice-in-a-row.toml:3 cannot be parsed: {Twice}",
            $"header-twice.toml:4 header-twice.toml:4 cannot be parsed: {Twice}",
            $"quoted-name.toml:2 quoted-name.toml:2 cannot be parsed: {Twice}",
            $"sub-table-twice-in-one-array-table.toml:3 sub-table-twice-in-one-array-table.toml:3 cannot be parsed: {Twice}",
            $"super-table-twice.toml:3 super-table-twice.toml:3 cannot be parsed: {Twice}",
        ]);
    }

    [Test]
    public void Tables_opened_again_as_toml_allows_are_read()
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.Write(dir, "allowed.toml", """
            [x.y.z]
            [x]
            [[fruit]]
            name = "apple"
            [fruit.physical]
            color = "red"
            [[fruit.variety]]
            [[fruit.variety]]
            [[fruit]]
            [fruit.physical]
            [animal]
            [fruit.texture]
            [dog]
            apple.color = "red"
            apple.taste.sweet = true
            [dog.apple.texture]
            s = '''
            [dog]
            '''
            "[dog]" = [
              [1],
            ]
            [cat] # [dog]

            """ + Traefik);

        var result = BoundedLint.Run(dir.Path, ".");

        result.Of("parse-error").ShouldBeEmpty();
        result.Inventory.Usages.Select(u => u.Service).ShouldBe(["traefik tls.options last"]);
    }
}
