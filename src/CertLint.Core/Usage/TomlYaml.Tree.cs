namespace CertLint.Usage;

/// <summary>The merged TOML tree: tables, arrays and scalars with their lines, and what defined each table.</summary>
internal static partial class TomlYaml
{
    private enum NodeKind { Table, Array, Scalar }

    /// <summary>
    /// What defined a table or array (TOML 1.0, "Table"): nothing yet (a header's super-table, defined by its own header
    /// later), its header, dotted keys, or an inline value, which is complete. No table is defined twice.
    /// </summary>
    private enum Definition { None, Header, Dotted, Inline }

    /// <summary>A table, an array or a scalar with where it is written; a table keeps its keys in the order first written.</summary>
    private sealed class Node(NodeKind kind, int line, int column)
    {
        public NodeKind Kind { get; } = kind;
        public int Line { get; } = line;
        public int Column { get; } = column;
        public string Value { get; init; } = "";
        public bool MultiLine { get; init; }
        public Definition Defined { get; set; }
        public List<(string Key, int Line, int Column, Node Value)> Entries { get; } = [];
        public List<Node> Items { get; } = [];
        // Looked up by name: a 1 MB table of 150,000 keys must not cost a scan per key.
        private readonly Dictionary<string, Node> _byKey = new(StringComparer.Ordinal);

        public Node? Find(string key) => _byKey.GetValueOrDefault(key);

        public void Add(string key, int line, int column, Node value)
        {
            _byKey.Add(key, value);
            Entries.Add((key, line, column, value));
        }
    }
}
