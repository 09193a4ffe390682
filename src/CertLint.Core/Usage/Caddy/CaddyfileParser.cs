using CertLint.Model;

namespace CertLint.Usage.Caddy;

/// <summary>One directive: its name, the arguments on its line, where it is, and its block when it opens one.</summary>
internal sealed record CaddyDirective(string Name, IReadOnlyList<string> Args, SourceLocation At, IReadOnlyList<CaddyDirective>? Block)
{
    /// <summary>The subdirectives of its block (none without a block).</summary>
    public IReadOnlyList<CaddyDirective> Children => Block ?? [];
}

/// <summary>A site block: its addresses, where they are written, and its directives.</summary>
internal sealed record CaddySite(IReadOnlyList<string> Addresses, SourceLocation At, IReadOnlyList<CaddyDirective> Directives);

/// <summary>A Caddyfile read: the global options block (empty when there is none) and the site blocks in order.</summary>
internal sealed record CaddyDocument(IReadOnlyList<CaddyDirective> Global, IReadOnlyList<CaddySite> Sites);

/// <summary>
/// The Caddyfile's structure (caddyconfig/caddyfile/parse.go) over the tokens with imports expanded: an optional global
/// options block first (a "{" alone on the first line), then site blocks, each its addresses (separated by spaces or
/// commas; a trailing comma continues them on the next line) and a block; a Caddyfile of one site may leave out its
/// braces. A directive is the first token of a line and the tokens after it on the line; a "{" ending the line opens
/// its block, "}" closes it. What Caddy refuses (a "{" on a line of its own or followed by more tokens, an unbalanced
/// brace, blocks nested past <see cref="MaxDepth"/>) is a parse issue at its line and the whole file configures nothing.
/// Named routes (<c>&amp;(name) { … }</c>) are not sites and are skipped.
/// </summary>
internal sealed class CaddyfileParser(ConfigSource main, ConfigReadResult result)
{
    public const int MaxDepth = 32;

    private List<CaddyToken> _tokens = [];
    private int _pos;

    /// <summary>Caddy would refuse the file: no usage may be drawn from it.</summary>
    public bool Refused { get; private set; }

    public CaddyDocument Parse()
    {
        var imports = new CaddyImports(result);
        _tokens = imports.Expand(main);
        Refused = imports.Refused;
        var global = new List<CaddyDirective>();
        var sites = new List<CaddySite>();
        if (_tokens.Count > 0 && _tokens[0].Is("{") && EndsLine(0))
        {
            _pos = 1;
            global = Block(0, _tokens[0]);
        }
        while (!Refused && _pos < _tokens.Count)
        {
            var first = _tokens[_pos];
            if (first.Is("{") || first.Is("}"))
            {
                Refuse(first, first.Is("{") ? "'{' without a site address before it" : "unexpected '}': no block is open");
                break;
            }
            var addresses = Addresses();
            if (_pos < _tokens.Count && _tokens[_pos].Is("{") && !_tokens[_pos].StartsLine)
            {
                var open = _tokens[_pos];
                if (!EndsLine(_pos))
                {
                    Refuse(open, "unexpected token after '{' on the same line");
                    break;
                }
                _pos++;
                var block = Block(0, open);
                if (!first.Text.StartsWith("&(", StringComparison.Ordinal)) sites.Add(new CaddySite(addresses, first.Source.At(first.Line), block));
            }
            else
            {
                // A Caddyfile of one site may leave out its braces: the rest of the file is its block.
                sites.Add(new CaddySite(addresses, first.Source.At(first.Line), Directives(0, null)));
            }
        }
        return Refused ? new CaddyDocument([], []) : new CaddyDocument(global, sites);
    }

    /// <summary>A site's addresses: the tokens of its line up to "{", and of the next lines while one ends with a comma.</summary>
    private List<string> Addresses()
    {
        var addresses = new List<string>();
        var more = true;
        while (_pos < _tokens.Count && !_tokens[_pos].Is("{"))
        {
            var t = _tokens[_pos];
            if (t.StartsLine && addresses.Count > 0 && !more) break;
            more = t.Text.EndsWith(',');
            addresses.AddRange(t.Text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            _pos++;
        }
        return addresses;
    }

    /// <summary>The directives of a block whose "{" was <paramref name="open"/>, through its "}".</summary>
    private List<CaddyDirective> Block(int depth, CaddyToken open)
    {
        var directives = Directives(depth, open);
        if (Refused) return directives;
        if (_pos >= _tokens.Count)
        {
            Refuse(open, "block is not closed: '}' missing at the end of the file");
            return directives;
        }
        _pos++; // the "}"
        return directives;
    }

    /// <summary>Directives up to a "}" (left for the caller) or the end of the tokens.</summary>
    private List<CaddyDirective> Directives(int depth, CaddyToken? open)
    {
        var directives = new List<CaddyDirective>();
        while (!Refused && _pos < _tokens.Count)
        {
            var name = _tokens[_pos];
            if (name.Is("}"))
            {
                if (open is null) Refuse(name, "unexpected '}': no block is open");
                return directives;
            }
            if (name.Is("{"))
            {
                Refuse(name, "'{' on a line of its own: Caddy expects it at the end of the directive's line");
                return directives;
            }
            _pos++;
            var args = new List<string>();
            IReadOnlyList<CaddyDirective>? block = null;
            while (_pos < _tokens.Count && !_tokens[_pos].StartsLine && !_tokens[_pos].Is("}"))
            {
                var t = _tokens[_pos];
                if (t.Is("{"))
                {
                    if (!EndsLine(_pos))
                    {
                        Refuse(t, "unexpected token after '{' on the same line");
                        return directives;
                    }
                    if (depth + 1 >= MaxDepth)
                    {
                        Refuse(t, $"blocks nested more than {MaxDepth} deep");
                        return directives;
                    }
                    _pos++;
                    block = Block(depth + 1, t);
                    break;
                }
                _pos++;
                if (t.Is("{}") && (_pos >= _tokens.Count || _tokens[_pos].StartsLine))
                {
                    block = [];
                    break;
                }
                args.Add(t.Text);
            }
            directives.Add(new CaddyDirective(name.Text, args, name.Source.At(name.Line), block));
        }
        return directives;
    }

    /// <summary>Whether the token at <paramref name="index"/> is the last of its line.</summary>
    private bool EndsLine(int index) => index + 1 >= _tokens.Count || _tokens[index + 1].StartsLine;

    private void Refuse(CaddyToken at, string message)
    {
        if (!Refused) result.Error(at.Source.At(at.Line), message);
        Refused = true;
    }
}
