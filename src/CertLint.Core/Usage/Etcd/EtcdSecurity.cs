using CertLint.Model;
using YamlDotNet.RepresentationModel;

namespace CertLint.Usage.Etcd;

/// <summary>
/// One of etcd's transport-security blocks (<c>client-transport-security</c>, <c>peer-transport-security</c>): the keys
/// etcd's <c>securityConfig</c> reads (server/embed/config.go), with the line each is written at. etcd reads the file
/// through sigs.k8s.io/yaml, so YAML 1.1 booleans (yes/no/on/off) are booleans as well as true/false.
/// </summary>
internal sealed class EtcdSecurity
{
    private readonly ConfigSource _source;
    private readonly ConfigReadResult _result;
    private readonly YamlNode? _block;

    public EtcdSecurity(ConfigSource source, ConfigReadResult result, YamlNode root, string name)
    {
        _source = source;
        _result = result;
        Name = name;
        foreach (var (key, value) in root.Entries())
        {
            if (key.Text() != name) continue;
            At = source.At(key.Line());
            _block = value;
            if (value is not YamlMappingNode and not YamlScalarNode { Value: null or "" })
                result.Error(At, $"{name} must be a mapping of cert-file, key-file, client-cert-auth, trusted-ca-file and auto-tls (etcd refuses to start)");
        }
    }

    /// <summary>client-transport-security or peer-transport-security.</summary>
    public string Name { get; }

    /// <summary>The block's key line; null when the file has no such block.</summary>
    public SourceLocation? At { get; }

    public FileReference? File(string key) =>
        _block.Get(key) is YamlScalarNode { Value: { Length: > 0 } path } node && !path.Contains("${", StringComparison.Ordinal)
            ? UsagePaths.Reference(path, _source.At(node.Line()), $"{Name}.{key}", _source.Directory)
            : null;

    /// <summary>Where a key is written, or null.</summary>
    public SourceLocation? Line(string key) => _block.Get(key) is { } node ? _source.At(node.Line()) : null;

    /// <summary>A boolean key: false when unset (every one of etcd's defaults is false); another value is an issue at its line.</summary>
    public bool Flag(string key)
    {
        if (_block.Get(key) is not { } node) return false;
        switch (node.Text()?.ToLowerInvariant())
        {
            case "true" or "yes" or "on": return true;
            case "false" or "no" or "off" or "": return false;
            default:
                _result.Error(_source.At(node.Line()), $"{Name}.{key} must be true or false (etcd refuses to start)");
                return false;
        }
    }
}
