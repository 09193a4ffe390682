using CertLint.Configuration;
using CertLint.Engine;
using CertLint.Findings;
using CertLint.Rules;
using McMaster.Extensions.CommandLineUtils;

namespace CertLint.Cli.Commands;

/// <summary>`certlint rules` lists the rules in force; `certlint rules validate` checks rule files and a config.</summary>
internal static class RulesCommand
{
    public static void Configure(CommandLineApplication cmd, CliContext context)
    {
        cmd.Description = "List the rules (built-in and custom) with their ids, severities and titles.";
        cmd.HelpOption("-?|-h|--help");
        var config = cmd.Option("-c|--config <FILE>", "Configuration file (default: the nearest .certlint.yml from the current folder up to the repository top).", CommandOptionType.SingleValue);
        var ruleDirs = cmd.Option("--rules <DIR>", "Folder of extra rule files; repeatable.", CommandOptionType.MultipleValue);
        var all = cmd.Option("--all", "Also list rules that are off.", CommandOptionType.NoValue);
        var pack = cmd.Option("--pack <NAME>", "List only this pack's rules (whether the pack is on or not); repeatable.", CommandOptionType.MultipleValue);
        cmd.OnExecute(() =>
        {
            var request = new LintRequest
            {
                WorkingDirectory = context.WorkingDirectory,
                ConfigPath = config.Value(),
                RuleDirectories = ruleDirs.Values,
                Environment = context.Environment,
            };
            var catalog = RuleCatalog.Load(SettingsResolver.Resolve(request, context.Time), everyPack: true);
            var packs = pack.Values.Where(p => p is not null).Select(p => p!).ToArray();
            var known = catalog.Rules.Select(r => r.Descriptor.Pack).Distinct(StringComparer.Ordinal).ToArray();
            foreach (var p in packs.Where(p => !known.Contains(p, StringComparer.Ordinal)))
                throw new UserErrorException($"rules --pack: no pack '{p}'{(Configuration.Yaml.Suggest.Closest(p, known) is { } s ? $" (did you mean '{s}'?)" : "")}; packs: {string.Join(", ", known)}.");
            var inForce = catalog.InForce.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            var rows = (all.HasValue() || packs.Length > 0 ? catalog.Rules : catalog.InForce)
                .Where(r => packs.Length == 0 || packs.Contains(r.Descriptor.Pack, StringComparer.Ordinal))
                .Select(r => (r.Id, r.Name, Pack: r.Descriptor.Pack, Level: inForce.Contains(r.Id) ? r.Severity.ToText() : "off", r.Descriptor.Title))
                .ToArray();
            var nameWidth = rows.Length == 0 ? 4 : rows.Max(r => r.Name.Length);
            var packWidth = Math.Max(4, rows.Length == 0 ? 4 : rows.Max(r => r.Pack.Length));
            context.Out.WriteLine($"{"ID",-8} {"NAME".PadRight(nameWidth)} {"PACK".PadRight(packWidth)} {"LEVEL",-8} TITLE");
            foreach (var r in rows) context.Out.WriteLine($"{r.Id,-8} {r.Name.PadRight(nameWidth)} {r.Pack.PadRight(packWidth)} {r.Level,-8} {r.Title}");
            context.Out.WriteLine();
            context.Out.WriteLine($"{rows.Length} rules. 'certlint explain NAME' prints a rule's documentation.");
            var counts = catalog.Rules.GroupBy(r => r.Descriptor.Pack).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            context.Out.WriteLine("Packs: " + string.Join(", ", RuleCatalog.BuiltInPacks.Select(p =>
                $"{p.Name} ({(catalog.PacksOn.Contains(p.Name) ? "on" : "off")}, {counts.GetValueOrDefault(p.Name)} rules)")) + ". Choose with --pack or 'packs:' in .certlint.yml.");
            return ExitCodes.Success;
        });

        cmd.Command("validate", v => ConfigureValidate(v, context));
        cmd.Command("fields", f => FieldsCommand.Configure(f, context));
    }

    private static void ConfigureValidate(CommandLineApplication cmd, CliContext context)
    {
        cmd.Description = "Check rule files (and a .certlint.yml) for errors: file:line:column, the offending key, a suggestion.";
        cmd.HelpOption("-?|-h|--help");
        var files = cmd.Argument("FILES", "Rule files or folders of rule files.", multipleValues: true);
        var config = cmd.Option("-c|--config <FILE>", "Also check this configuration file (default: .certlint.yml or .certlint.yaml in the current folder, if any).", CommandOptionType.SingleValue);
        cmd.OnExecute(() =>
        {
            var all = files.Values.Select(f => Path.GetFullPath(f, context.WorkingDirectory)).ToArray();
            foreach (var p in all.Where(p => !File.Exists(p) && !Directory.Exists(p)))
                throw new UserErrorException($"{p}: no such file or folder.");
            // Each file is validated as what it is: a .certlint.yml as a config, anything else as a rule file.
            var configs = all.Where(IsConfig).ToList();
            var paths = all.Where(p => !IsConfig(p)).ToArray();
            if (config.Value() is { } named) configs.Insert(0, Path.GetFullPath(named, context.WorkingDirectory));
            else if (configs.Count == 0 && DefaultConfig(context.WorkingDirectory) is { } found) configs.Add(found);
            // Counted as read: a folder is its rule files, a config brings its rules.directories.
            var validated = new HashSet<string>(StringComparer.Ordinal);
            var diagnostics = configs.Count == 0 ? RuleValidator.Validate(paths, validated: validated)
                : configs.SelectMany((c, i) => RuleValidator.Validate(i == 0 ? paths : [], c, validated: validated)).DistinctBy(d => d.ToString()).ToList();
            foreach (var d in diagnostics)
            {
                // Paths from the current folder, as the rest of the console shows them.
                context.Error.WriteLine((Path.IsPathRooted(d.File) ? d with { File = Path.GetRelativePath(context.WorkingDirectory, d.File) } : d).ToString());
                // Said once: the message may already carry the suggestion.
                if (d.Suggestion is not null && !d.Message.Contains($"'{d.Suggestion}'", StringComparison.Ordinal))
                    context.Error.WriteLine($"  did you mean '{d.Suggestion}'?");
            }
            if (diagnostics.Count > 0) return ExitCodes.UsageError;
            if (validated.Count == 0)
                throw new UserErrorException(paths.Length == 0
                    ? "rules validate: nothing to validate: name rule files or folders, or run it in a folder with a .certlint.yml."
                    : $"rules validate: no rule file (*.yml, *.yaml) in {string.Join(", ", files.Values)}.");
            context.Out.WriteLine($"ok: {validated.Count} file(s) valid.");
            return ExitCodes.Success;
        });
    }

    private static bool IsConfig(string path) =>
        File.Exists(path) && ConfigLoader.FileNames.Contains(Path.GetFileName(path), StringComparer.OrdinalIgnoreCase);

    private static string? DefaultConfig(string dir)
    {
        return ConfigLoader.FileNames.Select(name => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
    }
}
