using CertLint.Configuration;
using CertLint.Findings;

namespace CertLint.Usage;

/// <summary>
/// An include as its line wrote it: the directive and path name it when it reads no file. <paramref name="Silent"/> for an
/// include whose absence loses nothing or is reported elsewhere: an optional form (IncludeOptional, include_if_exists), a
/// distribution file that holds no TLS setting (nginx's mime.types), a folder include (an empty conf.d is normal), one the
/// reader has already reported. A glob (conf.d/*.conf) matching nothing is silent too, as the servers accept it.
/// </summary>
internal readonly record struct IncludeLine(string Directive, string Path, bool Silent = false)
{
    public bool IsGlob => UsagePaths.IsGlob(Path);
}

/// <summary>
/// Include expansion as the configuration parsers share it: included files are parsed in place, at most
/// <see cref="MaxDepth"/> deep and <see cref="MaxFiles"/> per configuration; a file already being parsed (the main file
/// or one that includes this one) is an include loop; past the run's <see cref="IncludeBudget"/> the include stops.
/// Each problem is a parse issue at the include line. An include that reads no file (a deployment's own file, or one
/// missing from the repository) is an include-not-read issue there: the settings it holds are not checked, which must
/// not pass as "no TLS problem".
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
    public void Expand(ConfigSource source, int line, IncludeLine written, IEnumerable<string> paths, int depth, List<T> into,
        Func<ConfigSource, int, List<T>> parse)
    {
        var found = false;
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
                // An absolute glob found by its tail (/etc/nginx/conf.d/*.conf as *.conf beside nginx.conf, where the
                // repository keeps the site files) matches the including file too: on the server that is another folder,
                // so no loop. A relative glob matching its includer is one (the server reads it again, without end).
                if (written.IsGlob && UsagePaths.IsAbsolute(written.Path)) continue;
                result.Error(source.At(line), "include loop: the file includes itself");
                found = true;
                continue;
            }
            if (source.Open(path) is not { } included)
            {
                if (source.Includes.Spent)
                {
                    result.Error(source.At(line), IncludeBudget.Problem);
                    return;
                }
                if (File.Exists(path) && ConfigConfinement.IsInside(path, source.Root))
                {
                    // There but not readable as a configuration: its settings must not vanish without a word.
                    result.Error(source.At(line), "the included file is not read: it is larger than 1 MB, binary or unreadable");
                    found = true;
                }
                continue;
            }
            found = true;
            result.Included.Add(included.File.FullPath);
            into.AddRange(Parse(included, depth + 1, parse));
        }
        if (!found && !written.Silent && !written.IsGlob) result.IncludeNotRead(source.At(line), () => NotRead(source, written));
    }

    private static string NotRead(ConfigSource source, IncludeLine written)
    {
        // Apache's ${VAR}, nginx's $var and Caddy's {env.X}: the deployment decides the path.
        if (written.Path.IndexOfAny(['$', '{']) >= 0)
            return $"{written.Directive} {SafeText.Quote(written.Path)} names a path the deployment's environment sets";
        var outside = UsagePaths.IsAbsolute(written.Path)
            || UsagePaths.Locate(written.Path, source) is not { } full || !ConfigConfinement.IsInside(full, source.Root);
        return $"{written.Directive} {SafeText.Quote(written.Path)} " + (outside
            ? "names a file outside the repository, and no scanned file matches its path"
            : "names a file that is not in the repository");
    }
}
