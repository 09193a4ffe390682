using CertLint.Configuration.Yaml;
using CertLint.Endpoints;
using YamlDotNet.RepresentationModel;

namespace CertLint.Configuration;

/// <summary>One `endpoints:` entry: what `certlint handshake` with no target probes.</summary>
public sealed record EndpointEntry(string Target, string? ServerName, CredentialFiles? Client);

/// <summary>
/// Reads the fleet a nightly job watches:
/// <code>
/// endpoints:
///   - api.acme.test:443
///   - target: mtls.acme.test:8443
///     servername: mtls.acme.test
///     client: { cert: deploy/client.crt, key: deploy/client.key }   # or { pkcs12: deploy/client.p12 }
/// </code>
/// </summary>
internal static class EndpointsReader
{
    public static IReadOnlyList<EndpointEntry> Read(string file, YamlNode node, ConfigReferences refs)
    {
        if (node is not YamlSequenceNode list) throw YamlValues.Error(file, node, "'endpoints' must be a list of HOST:PORT or { target, servername, client }", "endpoints", null);
        return list.Children.Select(item => item is YamlScalarNode
            ? new EndpointEntry(YamlValues.String(file, item, "endpoints"), null, null)
            : Entry(file, new YamlMap(file, item, "an 'endpoints' entry"), refs)).ToList();
    }

    private static EndpointEntry Entry(string file, YamlMap map, ConfigReferences refs)
    {
        map.RejectUnknown(["target", "servername", "client"], "an 'endpoints' entry");
        var target = map.RequireString("target");
        CredentialFiles? client = null;
        if (map.Get("client") is { } clientNode)
        {
            var side = new YamlMap(file, clientNode, "'client'");
            side.RejectUnknown(["cert", "key", "pkcs12"], "'client'");
            string? Path(string key) => side.Get(key) is { } n ? refs.One(n, $"endpoints.client.{key}") : null;
            client = new CredentialFiles(Path("cert"), Path("key"), Path("pkcs12"));
            if (client.Pkcs12 is null && (client.Certificate is null || client.Key is null))
                throw YamlValues.Error(file, clientNode, "'client' needs 'cert' and 'key', or 'pkcs12'", "client", null);
        }
        return new EndpointEntry(target, map.String("servername"), client);
    }
}
