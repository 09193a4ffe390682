using YamlDotNet.RepresentationModel;

namespace CertLint.Rules.Loading.Precompiled;

/// <summary>
/// The built-in rule files' YAML trees from <see cref="YamlEventCodec.Resource"/> (written at build time from the
/// same rules/**/*.yml that are embedded): replaying a file's parser events is a fraction of the cost of scanning its
/// text. A file the build left out (one YamlDotNet cannot parse) or a missing resource gives null, and the caller
/// parses the text as before, so errors and results are those of the YAML either way.
/// </summary>
internal sealed class PrecompiledRules
{
    private static readonly Lazy<PrecompiledRules> Embedded = new(Load);

    private readonly byte[] _data;
    private readonly Dictionary<string, (int Offset, int Length)> _index;

    private PrecompiledRules(byte[] data)
    {
        _data = data;
        _index = YamlEventCodec.Index(data);
    }

    /// <summary>The form embedded in this assembly (empty when the build did not make one).</summary>
    public static PrecompiledRules Default => Embedded.Value;

    /// <summary>The resource names (rules/NAME.yml, rules/PACK/NAME.yml) it holds.</summary>
    public IEnumerable<string> Files => _index.Keys;

    /// <summary>A built-in rule file's root node, built from its recorded events; null when it is not recorded or is
    /// not exactly one document (the text path handles those, with its errors).</summary>
    public YamlNode? Root(string resource)
    {
        if (!_index.TryGetValue(resource, out var at)) return null;
        var stream = new YamlStream();
        stream.Load(YamlEventCodec.Replay(_data, at.Offset, at.Length));
        return stream.Documents.Count == 1 ? stream.Documents[0].RootNode : null;
    }

    private static PrecompiledRules Load()
    {
        using var stream = typeof(PrecompiledRules).Assembly.GetManifestResourceStream(YamlEventCodec.Resource);
        if (stream is null) return new PrecompiledRules([]);
        var data = new byte[stream.Length];
        stream.ReadExactly(data);
        return new PrecompiledRules(data);
    }
}
