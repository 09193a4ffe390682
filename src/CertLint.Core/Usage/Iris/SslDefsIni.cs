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

    public static void Read(ConfigSource source, ConfigReadResult result)
    {
        var sections = new List<Section>();
        Section? current = null;
        var lines = source.Text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith(';') || line.StartsWith('#')) continue;
            var at = source.At(i + 1);
            if (line.StartsWith('['))
            {
                if (!line.EndsWith(']')) result.Error(at, "section header is not closed with ']'");
                current = new Section(line.TrimStart('[').TrimEnd(']').Trim(), at, IrisConfig.NewProperties());
                sections.Add(current);
                continue;
            }
            var eq = line.IndexOf('=');
            if (eq <= 0 || current is null)
            {
                result.Error(at, current is null ? "key=value before the first [section]" : "expected key=value");
                continue;
            }
            current.Props[line[..eq].Trim()] = new IrisProperty(line[(eq + 1)..].Trim(), at);
        }
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
