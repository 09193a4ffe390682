using CertLint.Model;

namespace CertLint.Usage.Apache;

/// <summary>One Apache httpd directive (name lower-cased: httpd's names are case-insensitive), or a section with its block.</summary>
internal sealed record ApacheDirective(string Name, IReadOnlyList<string> Args, SourceLocation At, IReadOnlyList<ApacheDirective>? Block);

/// <summary>
/// httpd's configuration syntax: one directive per line, a trailing backslash continues the line, '#' starts a comment
/// line, &lt;Section args&gt; ... &lt;/Section&gt; nest. Include / IncludeOptional are expanded in place (globs in
/// the file name, folders, sorted as httpd sorts them) for files inside the scan root only, with a depth, count and
/// cycle bound. Errors are parse issues at the line, never the offending text.
/// </summary>
internal sealed class ApacheParser(ConfigSource main, ConfigReadResult result)
{
    private const int MaxDepth = 32;
    private const int MaxIncludes = ConfigIncludes<ApacheDirective>.MaxFiles;
    private readonly ConfigIncludes<ApacheDirective> _includes = new(result);

    public IReadOnlyList<ApacheDirective> Parse() => _includes.Parse(main, 0, Parse);

    private List<ApacheDirective> Parse(ConfigSource source, int includeDepth)
    {
        var stack = new Stack<(List<ApacheDirective> List, string Name, string Written, List<string> Args, int Line)>();
        var current = new List<ApacheDirective>();
        source.RefusedWithMark("Apache httpd", result);
        foreach (var (text, line) in LogicalLines(source.Text))
        {
            if (ConfigWords.Split(text, inlineComments: false, out var error) is not { } words)
            {
                result.Error(source.At(line), error!);
                continue;
            }
            if (words.Count == 0) continue;
            var first = words[0];
            if (first.StartsWith("</", StringComparison.Ordinal))
            {
                var written = first[2..].TrimEnd('>');
                var name = written.ToLowerInvariant();
                if (stack.Count == 0 || stack.Peek().Name != name)
                {
                    result.Error(source.At(line), stack.Count == 0
                        ? $"'</{ConfigWords.Safe(written)}>' closes no section"
                        : $"section '<{ConfigWords.Safe(stack.Peek().Written)}>' (line {stack.Peek().Line}) is closed by '</{ConfigWords.Safe(written)}>'");
                    if (stack.Count == 0 || !stack.Any(s => s.Name == name)) continue;
                    while (stack.Peek().Name != name) Close(source, stack, ref current);
                }
                Close(source, stack, ref current);
            }
            else if (first.StartsWith('<'))
            {
                if (stack.Count >= MaxDepth)
                {
                    result.Error(source.At(line), "sections nested too deeply");
                    break;
                }
                var args = words.Skip(1).ToList();
                var written = first[1..].TrimEnd('>');
                if (args.Count > 0) args[^1] = args[^1].TrimEnd('>');
                stack.Push((current, written.ToLowerInvariant(), written, args.Where(a => a.Length > 0).ToList(), line));
                current = [];
            }
            else
            {
                Add(source, current, words, line, includeDepth);
            }
        }
        while (stack.Count > 0)
        {
            result.Error(source.At(stack.Peek().Line), $"section '<{ConfigWords.Safe(stack.Peek().Written)}>' is not closed: '</{ConfigWords.Safe(stack.Peek().Written)}>' missing at the end of the file");
            Close(source, stack, ref current);
        }
        return current;
    }

    private static void Close(ConfigSource source, Stack<(List<ApacheDirective> List, string Name, string Written, List<string> Args, int Line)> stack, ref List<ApacheDirective> current)
    {
        var (parent, name, _, args, line) = stack.Pop();
        parent.Add(new ApacheDirective(name, args, source.At(line), current));
        current = parent;
    }

    /// <summary>Lines joined where a backslash ends one, each with the line it starts on.</summary>
    private static IEnumerable<(string Text, int Line)> LogicalLines(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var start = i + 1;
            var line = lines[i].TrimEnd('\r');
            if (line.EndsWith('\\') && i + 1 < lines.Length)
            {
                // Joined in a builder: concatenating strings copies the growing line at each step, quadratic in a 1 MB file
                // of 500,000 continuation lines (hours); this is linear.
                var joined = new System.Text.StringBuilder();
                while (line.EndsWith('\\') && i + 1 < lines.Length)
                {
                    joined.Append(line, 0, line.Length - 1).Append(' ');
                    line = lines[++i].TrimEnd('\r');
                }
                line = joined.Append(line).ToString();
            }
            yield return (line, start);
        }
    }

    private void Add(ConfigSource source, List<ApacheDirective> into, List<string> words, int line, int includeDepth)
    {
        var name = words[0].ToLowerInvariant();
        if (name is "include" or "includeoptional" && words.Count == 2)
        {
            var paths = IncludePaths(words[1], out var folder);
            var silent = name == "includeoptional" || folder || DistributionFiles.Contains(Path.GetFileName(words[1]));
            _includes.Expand(source, line, new IncludeLine(words[0], words[1], silent), paths, includeDepth, into, Parse);
            return;
        }
        into.Add(new ApacheDirective(name, words.Skip(1).ToList(), source.At(line), null));
    }

    /// <summary>
    /// Files an Include names. httpd resolves relative paths against ServerRoot, which in a repository is the main
    /// file's folder or its parent (conf/httpd.conf with conf.d/ beside conf/); absolute ones are found by their tail.
    /// </summary>
    private List<string> IncludePaths(string pattern, out bool folder)
    {
        folder = pattern.EndsWith('/');
        if (pattern.Contains('$')) return [];
        var full = ApachePaths.Locate(pattern, main.Directory, main.Root);
        if (full is null) return [];
        folder |= Directory.Exists(full);
        return folder ? UsagePaths.Listing(full, "*", main.Root, MaxIncludes) : UsagePaths.IncludeGlob(full, main.Root, MaxIncludes);
    }

    /// <summary>Files httpd's packages install that hold no TLS setting (Debian's ports.conf: Listen lines only).</summary>
    private static readonly HashSet<string> DistributionFiles = new(StringComparer.Ordinal) { "ports.conf", "mime.types", "magic" };
}
