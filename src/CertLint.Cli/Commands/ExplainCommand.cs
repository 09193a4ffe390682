using CertLint.Configuration;
using CertLint.Engine;
using CertLint.Findings;
using CertLint.Rules;
using CertLint.Rules.Loading;
using McMaster.Extensions.CommandLineUtils;

namespace CertLint.Cli.Commands;

/// <summary>`certlint explain NAME|ID`: a rule's documentation page.</summary>
internal static class ExplainCommand
{
    public static void Configure(CommandLineApplication cmd, CliContext context)
    {
        cmd.Description = "Print a rule's documentation (by name, id, or the name of an equivalent lint such as zlint's e_ext_san_missing).";
        cmd.HelpOption("-?|-h|--help");
        var name = cmd.Argument("RULE", "Rule name (cert-expired) or id (CL0101).");
        var ruleDirs = cmd.Option("--rules <DIR>", "Folder of extra rule files; repeatable.", CommandOptionType.MultipleValue);
        cmd.OnExecute(() =>
        {
            if (string.IsNullOrWhiteSpace(name.Value)) throw new UserErrorException("explain: name a rule, e.g. 'certlint explain cert-expired'.");
            var request = new LintRequest { WorkingDirectory = context.WorkingDirectory, RuleDirectories = ruleDirs.Values, Environment = context.Environment };
            var catalog = RuleCatalog.Load(SettingsResolver.Resolve(request, context.Time), everyPack: true);
            var rule = catalog.Find(name.Value!);
            if (rule is null && catalog.FindByEquivalent(name.Value!) is { Count: > 0 } equivalent)
            {
                if (equivalent.Count > 1)
                    context.Out.WriteLine($"{name.Value} is covered by {equivalent.Count} rules: {string.Join(", ", equivalent.Select(r => r.Name))}.\n");
                rule = equivalent[0];
            }
            if (rule is null)
            {
                var closest = Configuration.Yaml.Suggest.Closest(name.Value!, catalog.Rules.Select(r => r.Name).ToArray());
                throw new UserErrorException($"explain: no rule '{name.Value}'{(closest is null ? "" : $" (did you mean '{closest}'?)")}. 'certlint rules' lists them.");
            }
            var d = rule.Descriptor;
            context.Out.WriteLine($"{d.Id} {d.Name} ({rule.Severity.ToText()}): {d.Title}");
            if (d.HelpUri.Length > 0) context.Out.WriteLine(d.HelpUri);
            context.Out.WriteLine($"Pack: {d.Pack}");
            if (d.InPackScope && RuleLoader.LoadPacks().FirstOrDefault(p => p.Name == d.Pack)?.Scope is { } scope)
                context.Out.WriteLine($"Pack scope: applies only to {scope.Description}");
            if (d.Citation is { } citation) context.Out.WriteLine($"Citation: {citation}{(citation.Url is null ? "" : $" ({citation.Url})")}");
            if (d.Equivalents.Count > 0)
                context.Out.WriteLine("Equivalents: " + string.Join("; ", d.Equivalents.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
            context.Out.WriteLine();
            context.Out.WriteLine(string.IsNullOrWhiteSpace(d.Documentation) ? d.Description : d.Documentation.TrimEnd());
            return ExitCodes.Success;
        });
    }
}
