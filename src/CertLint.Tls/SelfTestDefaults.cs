using CertLint.Configuration;
using CertLint.Endpoints;

namespace CertLint.Tls;

/// <summary>
/// When `--self-test` is given no server credentials, the pair comes from the configuration's `selfTest` section,
/// so a repository states once which client and server belong together and CI runs the bare command.
/// Options that were given still win, side by side.
/// </summary>
public static class SelfTestDefaults
{
    public static SelfTestRequest Apply(SelfTestRequest request)
    {
        if (!request.Server.IsEmpty) return request;
        var settings = request.Settings;
        var root = Path.GetFullPath(settings.WorkingDirectory);
        var configFile = SettingsResolver.FindConfig(settings.Lint with { WorkingDirectory = root });
        var pair = configFile is null ? null : ConfigLoader.LoadFile(configFile, Path.GetRelativePath(root, configFile)).SelfTest;
        if (pair is null) return request;
        var lint = settings.Lint.CaFiles.Count > 0 ? settings.Lint : settings.Lint with { CaFiles = pair.Client.Trusts };
        return new SelfTestRequest
        {
            Settings = settings with { ServerName = settings.ServerName ?? pair.ServerName, Lint = lint },
            Server = Credentials(pair.Server),
            Client = request.Client.IsEmpty ? Credentials(pair.Client) : request.Client,
            ClientCaFiles = request.ClientCaFiles.Count > 0 ? request.ClientCaFiles : pair.Server.Trusts,
        };
    }

    private static CredentialFiles Credentials(SelfTestSide side) => new(side.Certificate, side.Key, side.Pkcs12);
}
