using CertLint.Engine;
using CertLint.Rules.Fields;
using McMaster.Extensions.CommandLineUtils;

namespace CertLint.Cli.Commands;

/// <summary>`certlint rules fields`: every field a rule can name (the catalog docs/writing-rules.md documents), and the element fields of records.</summary>
internal static class FieldsCommand
{
    public static void Configure(CommandLineApplication cmd, CliContext context)
    {
        cmd.Description = "List every field a rule can test, with its type, the subjects that have it and its meaning.";
        cmd.HelpOption("-?|-h|--help");
        var markdown = cmd.Option("--markdown", "Print Markdown tables (as in docs/writing-rules.md).", CommandOptionType.NoValue);
        cmd.OnExecute(() =>
        {
            var md = markdown.HasValue();
            var rows = FieldReference.SubjectRows().ToArray();
            Table(context.Out, md, ["field", "type", "subjects", "meaning"], rows);
            foreach (var scope in RecordScopes.All)
            {
                context.Out.WriteLine();
                context.Out.WriteLine(md ? $"#### Elements: {scope.Name}" : $"Elements of a {scope.Name} (in each/any/none):");
                context.Out.WriteLine();
                Table(context.Out, md, ["field", "type", "meaning"], scope.Fields.Select(f => new[] { f.Path, FieldReference.TypeName(f), f.Description }).ToArray());
            }
            if (!md)
            {
                context.Out.WriteLine();
                context.Out.WriteLine("Also: issuer.FIELD (any certificate field of the issuer on the chosen path), signer.FIELD (of the certificate whose key verifies the signature, key identifiers ignored), extensions.OID.present|critical|count|length|malformed, and for NAME subject/issuerName and every DN attribute ATTR: NAME.ATTR, NAME.ATTR.values|count|stringType|length.");
            }
            return ExitCodes.Success;
        });
    }

    private static void Table(TextWriter output, bool markdown, string[] header, string[][] rows)
    {
        if (markdown)
        {
            output.WriteLine("| " + string.Join(" | ", header) + " |");
            output.WriteLine("|" + string.Concat(header.Select(_ => " --- |")));
            foreach (var r in rows) output.WriteLine($"| `{r[0]}` | " + string.Join(" | ", r.Skip(1).Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))) + " |");
            return;
        }
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Length == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        output.WriteLine(string.Join("  ", header.Select((h, i) => i == header.Length - 1 ? h.ToUpperInvariant() : h.ToUpperInvariant().PadRight(widths[i]))));
        foreach (var r in rows) output.WriteLine(string.Join("  ", r.Select((c, i) => i == r.Length - 1 ? c : c.PadRight(widths[i]))));
    }
}
