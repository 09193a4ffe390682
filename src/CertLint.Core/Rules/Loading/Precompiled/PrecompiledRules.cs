using YamlDotNet.RepresentationModel;

namespace CertLint.Rules.Loading.Precompiled;

/// <summary>
/// The built-in rule files' YAML trees from <see cref="YamlTreeCodec.Resource"/> (written at build time from the
/// same rules/**/*.yml that are embedded). A file the build left out (one YamlDotNet cannot load) or a missing
/// resource gives null, and the caller parses the text as before, so errors and results are those of the YAML either way.
/// </summary>
internal sealed class PrecompiledRules
{
    private static readonly Lazy<PrecompiledRules> Embedded = new(Load);

    private readonly YamlTreeCodec.Pack _pack;

    /// <summary>A written pack (tests write their own).</summary>
    internal PrecompiledRules(byte[] data) => _pack = new YamlTreeCodec.Pack(data);

    /// <summary>The form embedded in this assembly (empty when the build did not make one).</summary>
    public static PrecompiledRules Default => Embedded.Value;

    /// <summary>The resource names (rules/NAME.yml, rules/PACK/NAME.yml) it holds.</summary>
    public IEnumerable<string> Files => _pack.Files;

    /// <summary>A built-in rule file's root node, a tree of its own for every call; null when it is not recorded.</summary>
    public YamlNode? Root(string resource) => _pack.Root(resource);

    private static PrecompiledRules Load()
    {
        using var stream = typeof(PrecompiledRules).Assembly.GetManifestResourceStream(YamlTreeCodec.Resource);
        if (stream is null) return new PrecompiledRules([]);
        var data = new byte[stream.Length];
        stream.ReadExactly(data);
        return new PrecompiledRules(data);
    }
}
