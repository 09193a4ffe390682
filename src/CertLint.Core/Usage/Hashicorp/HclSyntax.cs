namespace CertLint.Usage.Hashicorp;

/// <summary>The kinds of value the readers tell apart; anything computed (a function call, an operator) is an expression.</summary>
internal enum HclValueKind { String, Number, Bool, Null, List, Object, Expression }

/// <summary>
/// A value and the line it starts on. <see cref="Text"/> is a string's decoded text, a number or word as written, and
/// empty for lists, objects and expressions; <see cref="Interpolated"/> marks a string with a template sequence.
/// </summary>
internal sealed record HclValue(HclValueKind Kind, string Text, int Line, bool Interpolated = false)
{
    public IReadOnlyList<HclValue> Items { get; init; } = [];
    public HclBody? Object { get; init; }

    /// <summary>A literal scalar the readers may use: a string without a template, a number or a bool.</summary>
    public string? Literal => Kind is HclValueKind.String or HclValueKind.Number or HclValueKind.Bool && !Interpolated ? Text : null;
}

/// <summary><c>name = value</c> at its line.</summary>
internal sealed record HclAttribute(string Name, HclValue Value, int Line);

/// <summary><c>type "label"… { body }</c>, at the line of its type.</summary>
internal sealed record HclBlock(string Type, IReadOnlyList<string> Labels, HclBody Body, int Line);

/// <summary>A file's top level, a block's body or an object: its attributes and blocks in order.</summary>
internal sealed class HclBody
{
    public List<HclAttribute> Attributes { get; } = [];
    public List<HclBlock> Blocks { get; } = [];

    /// <summary>The attribute of that name (the last, as HCL 1 keeps the last of repeated keys); null when absent.</summary>
    public HclAttribute? Attribute(string name) => Attributes.LastOrDefault(a => a.Name == name);

    public IEnumerable<HclBlock> BlocksOf(string type) => Blocks.Where(b => b.Type == type);

    /// <summary>The first block of that type, or an attribute of that name whose value is an object (HCL 1 reads both alike).</summary>
    public HclBody? Section(string type) =>
        BlocksOf(type).FirstOrDefault()?.Body ?? Attribute(type)?.Value.Object;
}
