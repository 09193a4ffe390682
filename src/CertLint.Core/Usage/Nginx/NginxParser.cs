using System.Text;
using CertLint.Configuration;
using CertLint.Model;

namespace CertLint.Usage.Nginx;

/// <summary>One nginx directive: name, arguments, where it is, and its block when it has one.</summary>
internal sealed record NginxDirective(string Name, IReadOnlyList<string> Args, SourceLocation At, IReadOnlyList<NginxDirective>? Block);

/// <summary>
/// nginx's configuration syntax : directives end with ';', blocks are braces, '#' starts
/// a comment, arguments may be quoted. `include` is expanded in place, relative to the main file's folder, only for
/// files inside the scan root. Errors are parse issues at the line, never the offending text.
/// </summary>
internal sealed class NginxParser(ConfigSource main, ConfigReadResult result)
{
    private const int MaxDepth = 64;
    private readonly ConfigIncludes<NginxDirective> _includes = new(result);

    public IReadOnlyList<NginxDirective> Parse() => _includes.Parse(main, 0, ParseTokens);

    private List<NginxDirective> ParseTokens(ConfigSource source, int includeDepth)
    {
        source.RefusedWithMark("nginx", result);
        var lexer = new Lexer(source.Text);
        var stack = new Stack<(List<NginxDirective> List, string Name, List<string> Args, int Line)>();
        var current = new List<NginxDirective>();
        var words = new List<string>();
        var wordLine = 0;
        while (lexer.Next() is { } token)
        {
            if (token.Error is { } error)
            {
                result.Error(source.At(token.Line), error);
                return current;
            }
            switch (token.Quoted ? null : token.Text)
            {
                case ";":
                    if (words.Count == 0) break; // a stray ';' is harmless to nginx too
                    Add(source, current, words, wordLine, includeDepth);
                    words = [];
                    break;
                case "{":
                    if (words.Count == 0 || stack.Count >= MaxDepth)
                    {
                        result.Error(source.At(token.Line), words.Count == 0 ? "'{' without a directive name" : "blocks nested too deeply");
                        return Unwind(stack, current);
                    }
                    stack.Push((current, words[0], words.Skip(1).ToList(), wordLine));
                    current = [];
                    words = [];
                    break;
                case "}":
                    if (words.Count > 0) result.Error(source.At(wordLine), $"directive '{Safe(words[0])}' is not terminated by ';'");
                    words = [];
                    if (stack.Count == 0)
                    {
                        result.Error(source.At(token.Line), "unexpected '}'");
                        return current;
                    }
                    var (parent, name, args, line) = stack.Pop();
                    parent.Add(new NginxDirective(name, args, source.At(line), current));
                    current = parent;
                    break;
                default:
                    if (words.Count == 0) wordLine = token.Line;
                    words.Add(token.Text);
                    break;
            }
        }
        if (words.Count > 0) result.Error(source.At(wordLine), $"directive '{Safe(words[0])}' is not terminated by ';'");
        if (stack.Count > 0) result.Error(source.At(stack.Peek().Line), $"block '{Safe(stack.Peek().Name)}' is not closed: '}}' missing at the end of the file");
        return Unwind(stack, current);
    }

    private static List<NginxDirective> Unwind(Stack<(List<NginxDirective> List, string Name, List<string> Args, int Line)> stack, List<NginxDirective> current)
    {
        while (stack.Count > 0) current = stack.Pop().List;
        return current;
    }

    private void Add(ConfigSource source, List<NginxDirective> into, List<string> words, int line, int includeDepth)
    {
        if (words[0] == "include" && words.Count == 2)
        {
            _includes.Expand(source, line, new IncludeLine("include", words[1], DistributionFiles.Contains(Path.GetFileName(words[1]))),
                IncludePaths(words[1]), includeDepth, into, ParseTokens);
            return;
        }
        into.Add(new NginxDirective(words[0], words.Skip(1).ToList(), source.At(line), null));
    }

    /// <summary>
    /// Files an include names, sorted as nginx sorts glob results. Relative paths start at the main file's folder (the
    /// prefix); an absolute path (/etc/nginx/conf.d/*.conf) is looked for by its tail under that folder.
    /// </summary>
    private List<string> IncludePaths(string pattern) =>
        !pattern.Contains('$') && UsagePaths.Locate(pattern, main) is { } full
            ? UsagePaths.IncludeGlob(full, main.Root, ConfigIncludes<NginxDirective>.MaxFiles) : [];

    /// <summary>Files nginx's packages install beside nginx.conf that hold no TLS setting: a repository rarely carries them,
    /// and their absence is no gap in what is checked.</summary>
    private static readonly HashSet<string> DistributionFiles = new(StringComparer.Ordinal)
    {
        "mime.types", "fastcgi_params", "fastcgi.conf", "fastcgi-php.conf", "proxy_params", "scgi_params", "uwsgi_params",
        "koi-utf", "koi-win", "win-utf",
    };

    /// <summary>A directive name for a message: short and printable, so an error never carries file content.</summary>
    private static string Safe(string word) => word.Length <= 40 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.') ? word : "(unnamed)";

    private readonly record struct Token(string Text, int Line, bool Quoted = false, string? Error = null);

    private sealed class Lexer(string text)
    {
        private int _pos;
        private int _line = 1;

        public Token? Next()
        {
            while (_pos < text.Length)
            {
                var c = text[_pos];
                if (c == '\n') { _line++; _pos++; }
                else if (char.IsWhiteSpace(c)) _pos++;
                else if (c == '#') { while (_pos < text.Length && text[_pos] != '\n') _pos++; }
                else break;
            }
            if (_pos >= text.Length) return null;
            var start = _line;
            var ch = text[_pos];
            if (ch is ';' or '{' or '}')
            {
                _pos++;
                return new Token(ch.ToString(), start);
            }
            return ch is '"' or '\'' ? Quoted(ch, start) : Word(start);
        }

        private Token Quoted(char quote, int start)
        {
            var sb = new StringBuilder();
            _pos++;
            while (_pos < text.Length && text[_pos] != quote)
            {
                if (text[_pos] == '\\' && _pos + 1 < text.Length) _pos++;
                if (text[_pos] == '\n') _line++;
                sb.Append(text[_pos++]);
            }
            if (_pos >= text.Length) return new Token("", start, true, "unterminated quoted string");
            _pos++;
            return new Token(sb.ToString(), start, true);
        }

        private Token Word(int start)
        {
            var sb = new StringBuilder();
            while (_pos < text.Length)
            {
                var c = text[_pos];
                if (char.IsWhiteSpace(c) || c is ';' or '}') break;
                if (c == '{')
                {
                    // ${var} belongs to the word; any other '{' opens a block.
                    if (sb.Length == 0 || sb[^1] != '$') break;
                    var close = text.IndexOf('}', _pos);
                    if (close < 0) break;
                    sb.Append(text, _pos, close - _pos + 1);
                    _pos = close + 1;
                    continue;
                }
                if (c == '\\' && _pos + 1 < text.Length) _pos++;
                sb.Append(text[_pos++]);
            }
            return new Token(sb.ToString(), start);
        }
    }
}
