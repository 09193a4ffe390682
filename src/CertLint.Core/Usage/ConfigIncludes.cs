namespace CertLint.Usage;

/// <summary>
/// Include expansion as the nginx and Apache parsers share it: included files are parsed in place, at most
/// <see cref="MaxDepth"/> deep and <see cref="MaxFiles"/> per configuration; a file already being parsed (the main file
/// or one that includes this one) is an include loop; past the run's <see cref="IncludeBudget"/> the include stops.
/// Each problem is a parse issue at the include line.
/// </summary>
internal sealed class ConfigIncludes<T>(ConfigReadResult result)
{
    public const int MaxDepth = 8;
    public const int MaxFiles = 256;

    private readonly HashSet<string> _parsing = new(StringComparer.Ordinal);
    private int _files;

    /// <summary>Parses a file (the main one or an included one) while it counts as being parsed.</summary>
    public List<T> Parse(ConfigSource source, int depth, Func<ConfigSource, int, List<T>> parse)
    {
        var path = Path.GetFullPath(source.File.FullPath);
        _parsing.Add(path);
        try
        {
            return parse(source, depth);
        }
        finally
        {
            _parsing.Remove(path);
        }
    }

    /// <summary>Parses the files an include at <paramref name="line"/> names (<paramref name="paths"/>, in order) into <paramref name="into"/>.</summary>
    public void Expand(ConfigSource source, int line, IEnumerable<string> paths, int depth, List<T> into, Func<ConfigSource, int, List<T>> parse)
    {
        foreach (var path in paths)
        {
            if (depth >= MaxDepth || ++_files > MaxFiles)
            {
                // The bound is named, never a file name: a hostile chain learns nothing but the limit it hit.
                result.Error(source.At(line), depth >= MaxDepth
                    ? $"includes nested more than {MaxDepth} deep: the deeper files are not read"
                    : $"more than {MaxFiles} files included from one configuration: the rest are not read");
                return;
            }
            if (_parsing.Contains(Path.GetFullPath(path)))
            {
                result.Error(source.At(line), "include loop: the file includes itself");
                continue;
            }
            if (source.Open(path) is not { } included)
            {
                if (!source.Includes.Spent) continue;
                result.Error(source.At(line), IncludeBudget.Problem);
                return;
            }
            result.Included.Add(included.File.FullPath);
            into.AddRange(Parse(included, depth + 1, parse));
        }
    }
}
