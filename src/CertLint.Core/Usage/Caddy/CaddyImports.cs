using System.Text.RegularExpressions;

namespace CertLint.Usage.Caddy;

/// <summary>
/// Caddy's token-level imports (caddyconfig/caddyfile/parse.go doImport): snippets <c>(name) { … }</c> defined at the
/// top level (of the Caddyfile or of a file it imports) are taken out of the stream, and a line <c>import NAME
/// [ARGS…]</c> is replaced by the snippet's tokens, or by the tokens of the files NAME names (a glob, relative to the
/// importing file), with <c>{args[N]}</c> / <c>{args.N}</c> / <c>{args[:]}</c> filled in. A snippet must be defined
/// before it is imported, as in Caddy. Bounded: imports at most <see cref="ConfigIncludes{T}.MaxDepth"/> deep (snippets
/// and files together), files by <see cref="ConfigIncludes{T}"/>, and <see cref="MaxTokens"/> tokens in all (a snippet
/// importing another twice, eight deep, would otherwise multiply the text by 256).
/// </summary>
internal sealed partial class CaddyImports(ConfigReadResult result)
{
    public const int MaxTokens = 250_000;

    private readonly ConfigIncludes<CaddyToken> _includes = new(result);
    private readonly Dictionary<string, List<CaddyToken>> _snippets = new(StringComparer.Ordinal);
    private readonly HashSet<string> _importing = new(StringComparer.Ordinal);
    /// <summary>Brace depth of the tokens emitted so far: snippets are defined at depth 0 only.</summary>
    private int _nesting;
    private int _count;

    /// <summary>Caddy would refuse the configuration (an unterminated quote, an import loop, no import name): nothing to judge.</summary>
    public bool Refused { get; private set; }

    /// <summary>The main file's tokens with every import expanded; empty when <see cref="Refused"/>.</summary>
    public List<CaddyToken> Expand(ConfigSource main)
    {
        var tokens = _includes.Parse(main, 0, (source, depth) => File(source, depth, null));
        return Refused ? [] : tokens;
    }

    private List<CaddyToken> File(ConfigSource source, int depth, IReadOnlyList<string>? args)
    {
        var into = new List<CaddyToken>();
        if (CaddyfileLexer.Tokens(source, out var error) is not { } tokens)
        {
            Refuse(source.At(error!.Value.Line), error.Value.Message);
            return into;
        }
        Splice(tokens, depth, into, args);
        return into;
    }

    private void Splice(List<CaddyToken> tokens, int depth, List<CaddyToken> into, IReadOnlyList<string>? args)
    {
        var i = 0;
        while (i < tokens.Count && !Refused)
        {
            var t = tokens[i];
            if (t.StartsLine && t.Is("import"))
            {
                var end = LineEnd(tokens, i);
                var words = tokens[(i + 1)..end].SelectMany(w => Fill(w, args)).Select(w => w.Text).ToList();
                Import(t, words, depth, into);
                i = end;
                continue;
            }
            if (t.StartsLine && _nesting == 0 && SnippetName(t) is { } name && i + 1 < tokens.Count && tokens[i + 1].Is("{")
                && (i + 2 >= tokens.Count || tokens[i + 2].StartsLine))
            {
                var close = Closing(tokens, i + 1);
                if (close < 0)
                {
                    Refuse(t.Source.At(t.Line), "snippet is not closed: '}' missing at the end of the file");
                    return;
                }
                // Caddy keeps the last definition of a name; its tokens are expanded where it is imported.
                _snippets[name] = tokens[(i + 2)..close];
                i = close + 1;
                continue;
            }
            foreach (var filled in Fill(t, args)) Emit(filled, into);
            i++;
        }
    }

    private void Import(CaddyToken at, List<string> words, int depth, List<CaddyToken> into)
    {
        if (words.Count == 0)
        {
            Refuse(at.Source.At(at.Line), "import without a file or snippet name: Caddy refuses the configuration");
            return;
        }
        var args = words[1..];
        if (_snippets.TryGetValue(words[0], out var body))
        {
            if (depth >= ConfigIncludes<CaddyToken>.MaxDepth)
            {
                result.Error(at.Source.At(at.Line), $"imports nested more than {ConfigIncludes<CaddyToken>.MaxDepth} deep: the deeper ones are not read");
                return;
            }
            if (!_importing.Add(words[0]))
            {
                Refuse(at.Source.At(at.Line), "import loop: the snippet imports itself");
                return;
            }
            Splice(body, depth + 1, into, args);
            _importing.Remove(words[0]);
            return;
        }
        // A path with a placeholder ({$DIR}, {env.DIR}) depends on the deployment's environment: it reads no file here,
        // which config-include-not-read says.
        _includes.Expand(at.Source, at.Line, new IncludeLine("import", words[0]), Paths(at.Source, words[0]), depth, into,
            (source, d) => File(source, d, args));
    }

    /// <summary>
    /// The files an import names, as Caddy globs them (relative to the importing file; an absolute path by its tail).
    /// One not in the repository (a deployment's own file, an undefined snippet's name) is left unread and noted
    /// (config-include-not-read), as nginx's.
    /// </summary>
    private static List<string> Paths(ConfigSource source, string written) =>
        UsagePaths.Locate(written, source) is { } full
            ? [.. UsagePaths.IncludeGlob(full, source.Root, ConfigIncludes<CaddyToken>.MaxFiles).Where(System.IO.File.Exists)]
            : [];

    private void Emit(CaddyToken token, List<CaddyToken> into)
    {
        if (++_count > MaxTokens)
        {
            Refuse(token.Source.At(token.Line), $"more than {MaxTokens} tokens with the imports expanded: the configuration is not read");
            return;
        }
        if (token.Is("{")) _nesting++;
        else if (token.Is("}")) _nesting--;
        into.Add(token);
    }

    private void Refuse(Model.SourceLocation at, string message)
    {
        if (!Refused) result.Error(at, message);
        Refused = true;
    }

    /// <summary>The token with the import's arguments filled in; <c>{args[:]}</c> alone is all of them, one token each.</summary>
    private static IEnumerable<CaddyToken> Fill(CaddyToken token, IReadOnlyList<string>? args)
    {
        if (args is null || !token.Text.Contains("{args", StringComparison.Ordinal)) return [token];
        if (token.Text == "{args[:]}") return args.Select((a, i) => token with { Text = a, StartsLine = token.StartsLine && i == 0 });
        return [token with { Text = Arg().Replace(token.Text, m => int.TryParse(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value, out var n) && n < args.Count ? args[n] : "") }];
    }

    [GeneratedRegex(@"\{args(?:\[(\d{1,4})\]|\.(\d{1,4}))\}")]
    private static partial Regex Arg();

    /// <summary>"name" for a snippet definition "(name)".</summary>
    private static string? SnippetName(CaddyToken t) =>
        !t.Quoted && t.Text.Length > 2 && t.Text[0] == '(' && t.Text[^1] == ')' ? t.Text[1..^1] : null;

    /// <summary>The index after the last token of the line that <paramref name="start"/> begins.</summary>
    private static int LineEnd(List<CaddyToken> tokens, int start)
    {
        var end = start + 1;
        while (end < tokens.Count && !tokens[end].StartsLine) end++;
        return end;
    }

    /// <summary>The index of the "}" closing the "{" at <paramref name="open"/>, or -1.</summary>
    private static int Closing(List<CaddyToken> tokens, int open)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            if (tokens[i].Is("{")) depth++;
            else if (tokens[i].Is("}") && --depth == 0) return i;
        }
        return -1;
    }
}
