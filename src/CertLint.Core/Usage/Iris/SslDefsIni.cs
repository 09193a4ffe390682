using CertLint.Model;

namespace CertLint.Usage.Iris;

/// <summary>
/// SSLDefs.ini, the settings file of IRIS client programs (irisconnect: ODBC, Terminal, Studio; the Python and Node.js
/// drivers name a section with their sslconfig parameter). `[Identifier]` sections are either connection definitions
/// (Address, Port or TelnetPort, SSLConfig naming a configuration) or configuration definitions (CertFile, KeyFile,
/// CAfile, Password, VerifyPeer, TLSMinVersion, TLSMaxVersion, Protocols...), which are client configurations.
/// </summary>
internal static class SslDefsIni
{
    private sealed record Section(string Name, SourceLocation At, Dictionary<string, IrisProperty> Props);

    private static Dictionary<string, IrisProperty> Properties(Dictionary<string, IniValue> keys)
    {
        var props = IrisConfig.NewProperties();
        foreach (var (key, value) in keys) props[key] = new IrisProperty(value.Value, value.At);
        return props;
    }

    public static void Read(ConfigSource source, ConfigReadResult result)
    {
        var sections = IniSections.Parse(source, result).Select(s => new Section(s.Name, s.At, Properties(s.Keys))).ToList();
        var connections = sections.Where(s => s.Props.ContainsKey("SSLConfig") || s.Props.ContainsKey("Address")).ToList();
        var configs = sections.Except(connections).Where(s => s.Props.Count > 0).ToList();
        foreach (var connection in connections)
        {
            if (!connection.Props.TryGetValue("SSLConfig", out var named))
                result.Error(connection.At, "connection definition names no SSLConfig (the configuration to use)");
            else if (!configs.Any(c => c.Name.Equals(named.Value, StringComparison.OrdinalIgnoreCase)))
                result.Error(named.At, "SSLConfig names a configuration this file does not define");
        }
        foreach (var config in configs)
        {
            var servers = connections.Where(c => c.Props.TryGetValue("SSLConfig", out var n) && n.Value.Equals(config.Name, StringComparison.OrdinalIgnoreCase))
                .Select(c => c.Props.TryGetValue("Address", out var a) ? a.Value : c.Name).ToList();
            var name = servers.Count == 0 ? config.Name : $"{config.Name} (to {string.Join(", ", servers)})";
            IrisConfig.Add(source, result, config.Props, config.At, name, $"[{config.Name}]", client: true);
        }
    }
}
