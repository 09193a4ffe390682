namespace CertLint.Usage.Kestrel;

/// <summary>
/// appsettings.{Environment}.json as ASP.NET Core loads it: over appsettings.json of the same folder (the content
/// root), key by key (<see cref="JsonTree.Merge"/>). CertLint reads an environment file as that environment's view,
/// the base merged with it, each value keeping its own file and line; appsettings.json alone stands for every
/// environment without a file of its own. Each environment file is its own view on the same base.
/// </summary>
internal sealed record KestrelOverlay(string Environment, Model.SourceFile File, JsonTree Merged)
{
    public const string BaseName = "appsettings.json";

    /// <summary>
    /// The environment's view, or null: not an environment file, no readable base beside it (read alone then). A base
    /// not read because the run's <see cref="IncludeBudget"/> is spent is a parse issue at the environment file's line 1:
    /// its view would be judged without the base's settings.
    /// </summary>
    public static KestrelOverlay? Of(ConfigSource source, JsonTree overlay, ConfigReadResult result)
    {
        var name = Path.GetFileName(source.File.FullPath);
        const string Prefix = "appsettings.", Suffix = ".json";
        if (name.Length <= Prefix.Length + Suffix.Length || !name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            || !name.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase)) return null;
        var environment = name[Prefix.Length..^Suffix.Length];
        if (environment.Contains('.', StringComparison.Ordinal)) return null;
        var basePath = Path.Join(source.Directory, BaseName);
        if (!System.IO.File.Exists(basePath)) return null;
        if (source.Open(basePath) is not { } b)
        {
            if (source.Includes.Spent) result.Error(source.At(1), IncludeBudget.Problem);
            return null;
        }
        // A base that does not parse is reported by its own reading; the environment file is then read alone.
        var under = JsonTree.Parse(b.Text, KestrelReader.MaxDepth, out var error);
        return error is null ? new KestrelOverlay(environment, source.File, JsonTree.Merge(under.From(b.File), overlay.From(source.File))) : null;
    }
}
