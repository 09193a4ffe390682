using System.Text.RegularExpressions;

namespace CertLint.Usage.Hashicorp;

/// <summary>
/// HashiCorp's agent configurations in HCL (<c>*.hcl</c>): Vault servers, agents and proxies
/// (<see cref="VaultConfig"/>), Consul agents (<see cref="ConsulConfig"/>) and Nomad agents (<see cref="NomadConfig"/>).
/// A file is one of them by its top-level structure: a file HCL would refuse configures nothing and is a parse error
/// at its line (<see cref="HclParser"/>). Usages carry the product as their format: vault, consul, nomad.
/// </summary>
public sealed partial class HashicorpReader : IConfigReader
{
    public string Format => "hashicorp";

    /// <summary>
    /// An .hcl file with a top-level block or key of these agents at the start of a line: Vault policies, Packer and
    /// Terragrunt files and Nomad job specifications (whose vault blocks are indented in a task) have none.
    /// </summary>
    public bool Detect(string relativePath, string text) =>
        relativePath.EndsWith(".hcl", StringComparison.OrdinalIgnoreCase) ? Signature().IsMatch(text)
        : IsJson(relativePath) && JsonSignature().IsMatch(text);

    [GeneratedRegex(@"^(listener[ \t]+""tcp""|storage[ \t]+""raft""|vault[ \t]*\{|tls[ \t]*\{|verify_incoming|verify_outgoing|verify_server_hostname|cert_file[ \t]*=)", RegexOptions.Multiline)]
    private static partial Regex Signature();

    /// <summary>
    /// The same agents' JSON files (consul.json, /etc/nomad.d/*.json, Vault's config.json): keys only these agents write,
    /// or a listener block of type tcp. Other JSON (Kestrel's, Envoy's, package manifests) has none of them.
    /// </summary>
    [GeneratedRegex(@"""(verify_incoming(_rpc|_https)?|verify_outgoing|verify_server_hostname|verify_https_client|tls_cert_file|tls_client_ca_file|leader_ca_cert_file)""[ \t\r\n]*:|""listener""[ \t\r\n]*:[ \t\r\n\[{]*""tcp""")]
    private static partial Regex JsonSignature();

    private static bool IsJson(string relativePath) => relativePath.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    public void Read(ConfigSource source, ConfigReadResult result)
    {
        var top = IsJson(source.File.RelativePath) ? HclJson.Parse(source.Text, out var error) : HclParser.Parse(source.Text, out error);
        if (top is null)
        {
            result.Error(source.At(error!.Value.Line), error.Value.Message);
            return;
        }
        if (NomadConfig.Is(top))
        {
            NomadConfig.Read(top, source, result);
            return;
        }
        if (ConsulConfig.Is(top)) ConsulConfig.Read(top, source, result);
        VaultConfig.Listeners(top, source, result);
        VaultConfig.RetryJoin(top, source, result);
        if (top.Section("vault") is { } vault) VaultConfig.AgentClient(vault, source, result);
    }

    /// <summary>
    /// A <c>vault { }</c> block, as Vault's agent and proxy (ca_cert, client_cert, client_key) and Nomad (ca_file,
    /// cert_file, key_file) write it: a client of the Vault server when <c>address</c> is https://, or is unset with
    /// TLS settings written. <c>tls_skip_verify</c> checks nothing; otherwise Go's client checks the chain and the name
    /// (<c>tls_server_name</c>, else the address's host).
    /// </summary>
    internal static void VaultClient(HclBody vault, ConfigSource source, ConfigReadResult result, string format, string prefix,
        string caKey, string certKey, string keyKey, string service)
    {
        var s = new HclSettings(vault, source, result, prefix);
        var address = s.Text("address");
        var certificate = s.File(certKey);
        var key = s.File(keyKey);
        var ca = s.File(caKey);
        var caPath = s.File("ca_path");
        var skip = s.Bool("tls_skip_verify");
        var https = address?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true;
        var tlsSettings = certificate is not null || key is not null || ca is not null || caPath is not null || skip is not null;
        if (!https && (address is not null || !tlsSettings)) return;
        var host = s.Text("tls_server_name") ?? UrlHost(address);
        var at = vault.Attributes.Select(a => a.Line).Concat(vault.Blocks.Select(b => b.Line)).DefaultIfEmpty(1).Min();
        result.Usages.Add(new TlsUsage
        {
            Format = format,
            Location = source.At(at),
            Service = $"{service} {Label(host ?? "(VAULT_ADDR)")}",
            Role = UsageRole.Client,
            Certificate = certificate,
            Key = key,
            CaFiles = [.. new[] { ca }.OfType<FileReference>(), .. caPath is null ? [] : UsagePaths.CaFolder(caPath, source)],
            VerifyPeer = skip != true,
            VerifyAt = s.At("tls_skip_verify"),
            VerifyHost = skip == true ? null : true,
            PeerHost = host,
        });
    }

    /// <summary>The host of a URL or HOST:PORT ("https://vault.example.test:8200" → vault.example.test); null for a template.</summary>
    internal static string? UrlHost(string? value) =>
        value is null || value.Contains('$') || value.Contains("{{", StringComparison.Ordinal) ? null : PeerHosts.OfUrl(value);

    /// <summary>A host or address for a service name: printable and short, so a name never carries other file content.</summary>
    internal static string Label(string text) =>
        text.Length is > 0 and <= 120 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '*' or ':' or '[' or ']' or '(' or ')')
            ? text : "(unnamed)";
}
