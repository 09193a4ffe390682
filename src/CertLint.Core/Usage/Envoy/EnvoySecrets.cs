using YamlDotNet.RepresentationModel;

namespace CertLint.Usage.Envoy;

/// <summary>A Secret an Envoy TLS context names, and the file it is written in (its paths resolve there).</summary>
internal sealed record EnvoySecret(ConfigSource Source, YamlNode Node);

/// <summary>
/// Secrets a TLS context takes through secret discovery (SDS) instead of writing them in place:
/// `tls_certificate_sds_secret_configs[]` and `validation_context_sds_secret_config` name a Secret, found in the
/// bootstrap's `static_resources.secrets` when no `sds_config` is given, else in the file `sds_config` names
/// (`path_config_source.path`, or the older `path`): a DiscoveryResponse whose `resources` are Secrets, matched by
/// name. Secrets a management server sends (`api_config_source`, `ads`) arrive at run time and are not read.
/// </summary>
internal sealed class EnvoySecrets(ConfigSource source, ConfigReadResult result, IReadOnlyList<YamlNode> roots)
{
    /// <summary>SDS files one bootstrap reads at most (a few in practice: one per certificate or CA bundle).</summary>
    public const int MaxFiles = 64;

    private Dictionary<string, YamlNode>? _static;
    private bool _pastBound;
    /// <summary>Each SDS file read, by full path; null for one that does not load (reported once, by the loading).</summary>
    private readonly Dictionary<string, IReadOnlyList<EnvoySecret>?> _files = new(StringComparer.Ordinal);

    /// <summary>
    /// The Secret <paramref name="reference"/> (an SdsSecretConfig) names. Null when there is none to read: not named,
    /// sent at run time, or a problem already reported. <paramref name="unread"/> is set when the SDS file is not in
    /// the repository (missing or a deployment path), so the usage reports it as it would a missing certificate file.
    /// </summary>
    public EnvoySecret? Find(YamlNode? reference, string field, out FileReference? unread)
    {
        unread = null;
        if (reference is null) return null;
        var name = reference.Text("name") ?? "";
        var sds = reference.Get("sds_config");
        if (sds is null)
        {
            if (Static().TryGetValue(name, out var secret)) return new EnvoySecret(source, secret);
            // Envoy refuses the bootstrap ("Unknown static secret"); the name itself is not repeated.
            result.Error(source.At(reference.Line()), $"{field} names a secret that static_resources.secrets does not define (Envoy refuses the bootstrap)");
            return null;
        }
        var pathNode = sds.Get("path_config_source").Get("path") ?? sds.Get("path");
        if (pathNode?.Text() is not { Length: > 0 } path) return null;
        var at = source.At(pathNode.Line());
        var full = UsagePaths.Locate(path, source);
        if (full is null || !File.Exists(full))
        {
            unread = UsagePaths.Reference(path, at, $"{field} sds_config", source.Directory);
            return null;
        }
        if (Load(full, at) is not { } secrets) return null;
        if (secrets.FirstOrDefault(s => s.Node.Text("name") == name) is { } found) return found;
        result.Error(at, $"{field}: the SDS file holds no Secret of the name given (Envoy waits for it and serves no TLS)");
        return null;
    }

    /// <summary>The Secrets of an SDS file, read once per bootstrap; null when it is not read (each problem reported once).</summary>
    private IReadOnlyList<EnvoySecret>? Load(string full, Model.SourceLocation at)
    {
        if (_files.TryGetValue(full, out var known)) return known;
        if (_files.Count >= MaxFiles)
        {
            // Said once, at the first reference past the bound; the name of the file is not repeated.
            if (!_pastBound) result.Error(at, $"more than {MaxFiles} SDS files named in one bootstrap: the rest are not read");
            _pastBound = true;
            return null;
        }
        if (source.Open(full) is not { } file)
        {
            if (source.Includes.Spent) result.Error(at, IncludeBudget.Problem);
            return null;
        }
        // Not marked as included: a file read in an includer's context is dropped from its own reading, and a bootstrap
        // named as an SDS file (itself, or another) must keep its own usages. An SDS file read alone yields none.
        // A syntax error is reported at its line in the SDS file by the loading itself.
        var secrets = ManifestYaml.Load(file, result)?
            .SelectMany(root => root.Get("resources").Items())
            .Select(node => new EnvoySecret(file, node))
            .ToList();
        _files[full] = secrets;
        return secrets;
    }

    private Dictionary<string, YamlNode> Static()
    {
        if (_static is not null) return _static;
        _static = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var secret in roots.SelectMany(r => r.Get("static_resources").Get("secrets").Items()))
        {
            if (secret.Text("name") is { } name) _static.TryAdd(name, secret);
        }
        return _static;
    }
}
