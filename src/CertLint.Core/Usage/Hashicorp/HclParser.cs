namespace CertLint.Usage.Hashicorp;

/// <summary>
/// HCL's structure over <see cref="HclLexer"/>'s tokens: a body is attributes (<c>key = value</c>, or
/// <c>key: value</c> inside objects) and blocks (<c>type "label"… { body }</c>); values are strings, numbers, bools,
/// null, lists <c>[ … ]</c> and objects <c>{ … }</c>, and anything else (a function call, a reference, an operator) is
/// kept as an expression the readers do not evaluate. What HCL refuses (an unclosed block, list or object, a stray
/// "}", a token where a name should be) is an error at its line and the file configures nothing; nesting is bounded
/// by <see cref="MaxDepth"/> so a hostile file cannot exhaust the stack.
/// </summary>
internal sealed class HclParser
{
    public const int MaxDepth = 32;

    private readonly List<HclToken> _tokens;
    private int _pos;

    private HclParser(List<HclToken> tokens) => _tokens = tokens;

    private sealed class RefusedException(int line, string message) : Exception(message)
    {
        public int Line { get; } = line;
    }

    /// <summary>The file's top-level body, or null with the error's line and message.</summary>
    public static HclBody? Parse(string text, out (int Line, string Message)? error)
    {
        if (HclLexer.Tokens(text, out error) is not { } tokens) return null;
        var parser = new HclParser(tokens);
        try
        {
            var body = parser.Body(0, null);
            if (parser._pos < tokens.Count) throw new RefusedException(tokens[parser._pos].Line, "unexpected '}': no block is open");
            return body;
        }
        catch (RefusedException e)
        {
            error = (e.Line, e.Message + ": HCL refuses the file");
            return null;
        }
    }

    private HclToken? Peek => _pos < _tokens.Count ? _tokens[_pos] : null;

    /// <summary>Items up to the "}" closing <paramref name="open"/> (left for the caller), or to the end of the file at the top.</summary>
    private HclBody Body(int depth, HclToken? open)
    {
        if (depth > MaxDepth) throw new RefusedException(open?.Line ?? 1, $"blocks nested more than {MaxDepth} deep");
        var body = new HclBody();
        while (Peek is { } t)
        {
            if (t.Is('}')) return body;
            if (t.Is(','))
            {
                _pos++;   // object items may be separated by commas
                continue;
            }
            if (t.Kind is not (HclTokenKind.Word or HclTokenKind.String))
            {
                throw new RefusedException(t.Line, "an attribute or block name was expected");
            }
            _pos++;
            if (Peek is { } eq && (eq.Is('=') || (eq.Is(':') && open is not null)))
            {
                _pos++;
                body.Attributes.Add(new HclAttribute(t.Text, Value(depth), t.Line));
                continue;
            }
            var labels = new List<string>();
            while (Peek is { Kind: HclTokenKind.String or HclTokenKind.Word } label)
            {
                labels.Add(label.Text);
                _pos++;
            }
            if (Peek is not { } brace || !brace.Is('{')) throw new RefusedException(t.Line, "an attribute or block is incomplete ('=' or '{' expected)");
            _pos++;
            var inner = Body(depth + 1, brace);
            Close(brace, '}', "block");
            body.Blocks.Add(new HclBlock(t.Text, labels, inner, t.Line));
        }
        if (open is not null) throw new RefusedException(open.Line, "block is not closed");
        return body;
    }

    private void Close(HclToken open, char close, string what)
    {
        if (Peek is not { } t || !t.Is(close)) throw new RefusedException(open.Line, $"{what} is not closed");
        _pos++;
    }

    /// <summary>One value and, when more follows it on its line (an operator, a call's arguments), an expression instead.</summary>
    private HclValue Value(int depth)
    {
        if (Peek is not { } t) throw new RefusedException(_tokens[^1].Line, "a value was expected");
        if (depth > MaxDepth) throw new RefusedException(t.Line, $"values nested more than {MaxDepth} deep");
        _pos++;
        HclValue value;
        if (t.Is('['))
        {
            var items = new List<HclValue>();
            while (Peek is { } next && !next.Is(']'))
            {
                if (next.Is(',')) _pos++;
                else items.Add(Value(depth + 1));
            }
            Close(t, ']', "list");
            value = new HclValue(HclValueKind.List, "", t.Line) { Items = items };
        }
        else if (t.Is('{'))
        {
            var body = Body(depth + 1, t);
            Close(t, '}', "object");
            value = new HclValue(HclValueKind.Object, "", t.Line) { Object = body };
        }
        else if (t.Kind == HclTokenKind.String) value = new HclValue(HclValueKind.String, t.Text, t.Line, t.Interpolated);
        else if (t.Kind == HclTokenKind.Number) value = new HclValue(HclValueKind.Number, t.Text, t.Line);
        else if (t.Kind == HclTokenKind.Word && t.Text is "true" or "false") value = new HclValue(HclValueKind.Bool, t.Text, t.Line);
        else if (t.Kind == HclTokenKind.Word && t.Text == "null") value = new HclValue(HclValueKind.Null, "", t.Line);
        else if (t.Is('}') || t.Is(']') || t.Is(',') || t.Is('=')) throw new RefusedException(t.Line, "a value was expected");
        else value = new HclValue(HclValueKind.Expression, "", t.Line);
        return Tail(depth) ? value with { Kind = HclValueKind.Expression, Text = "", Items = [], Object = null } : value;
    }

    /// <summary>Skips what continues an expression on its line (operators, a call's or index's brackets); true when anything did.</summary>
    private bool Tail(int depth)
    {
        var any = false;
        var line = _pos > 0 ? _tokens[_pos - 1].Line : 0;
        while (Peek is { } t && t.Line == line && !t.Is('}') && !t.Is(']') && !t.Is(','))
        {
            any = true;
            if (t.Is('(') || t.Is('[') || t.Is('{'))
            {
                // A call's arguments, an index or a nested value: read as a value so brackets balance and nesting stays bounded.
                if (t.Is('(')) SkipGroup(depth);
                else Value(depth + 1);
            }
            else _pos++;
            line = _tokens[_pos - 1].Line;
        }
        return any;
    }

    /// <summary>A parenthesised group, its nested brackets balanced.</summary>
    private void SkipGroup(int depth)
    {
        var open = _tokens[_pos++];
        if (depth > MaxDepth) throw new RefusedException(open.Line, $"values nested more than {MaxDepth} deep");
        while (Peek is { } t && !t.Is(')'))
        {
            if (t.Is('(')) SkipGroup(depth + 1);
            else if (t.Is('[') || t.Is('{')) Value(depth + 1);
            else if (t.Is('}') || t.Is(']')) throw new RefusedException(t.Line, "unbalanced brackets in an expression");
            else _pos++;
        }
        Close(open, ')', "parenthesis");
    }
}
