using System.Globalization;
using CertLint.Endpoints;
using CertLint.Engine;
using CertLint.Tls;
using McMaster.Extensions.CommandLineUtils;

namespace CertLint.Cli.Commands;

/// <summary>
/// `certlint handshake [HOST:PORT]` and `certlint handshake --self-test`: translates options into a handshake request;
/// the probe and the self-test server live in CertLint.Tls, the judgement in Core, the shared options in
/// <see cref="SharedOptions"/> (the same as the lint's).
/// </summary>
internal static class HandshakeCommand
{
    public static void Configure(CommandLineApplication cmd, CliContext context)
    {
        cmd.Description = "Check TLS endpoints' handshakes (mTLS included; with no HOST:PORT, the endpoints of .certlint.yml), or --self-test a client/server pair on loopback.";
        cmd.HelpOption("-?|-h|--help");
        var o = new Options(cmd);
        cmd.OnExecute(() => ExecuteAsync(o, context, CancellationToken.None));
    }

    private static async Task<int> ExecuteAsync(Options o, CliContext context, CancellationToken token)
    {
        var checker = new HandshakeChecker(context.Time);
        var settings = o.Settings(context);
        HandshakeReport report;
        if (o.SelfTest.HasValue())
        {
            if (o.Target.Value is not null) throw new UserErrorException("--self-test takes no HOST:PORT: it starts its own server on 127.0.0.1.");
            report = await checker.SelfTestAsync(new SelfTestRequest
            {
                Settings = settings,
                Server = new CredentialFiles(o.ServerCert.Value(), o.ServerKey.Value(), o.ServerPkcs12.Value()),
                Client = o.ClientFiles(),
                ClientCaFiles = o.ClientCa.Values.OfType<string>().ToList(),
            }, token).ConfigureAwait(false);
        }
        else
        {
            report = await checker.CheckAsync(new HandshakeRequest
            {
                Settings = settings,
                Target = o.Target.Value,
                Client = o.ClientFiles(),
                ClientCaFiles = o.ClientCa.Values.OfType<string>().ToList(),
            }, token).ConfigureAwait(false);
        }
        return o.Shared.Finish(report.Result, settings.Lint, context);
    }

    private sealed class Options
    {
        public Options(CommandLineApplication cmd)
        {
            Target = cmd.Argument("HOST:PORT", "The TLS endpoint to check (port 443 when omitted); none: every `endpoints:` entry of .certlint.yml.");
            Cert = cmd.Option("--cert <FILE>", "Client certificate (PEM; intermediates after the leaf are sent too).", CommandOptionType.SingleValue);
            Key = cmd.Option("--key <FILE>", "Client private key (PEM; encrypted keys read the password from the environment).", CommandOptionType.SingleValue);
            Pkcs12 = cmd.Option("--pkcs12 <FILE>", "Client certificate and key as PKCS#12 (password from the environment).", CommandOptionType.SingleValue);
            ServerName = cmd.Option("--servername <NAME>", "SNI name, and the name the server certificate must cover (default: the host).", CommandOptionType.SingleValue);
            Timeout = cmd.Option("--timeout <SECONDS>", "Bound on connecting plus the handshake (default 10).", CommandOptionType.SingleValue);
            Tls = cmd.Option("--tls <VERSION>", "Offer only TLS 1.2 or 1.3 (default: 1.3 down to 1.0, so an outdated server is reported).", CommandOptionType.SingleValue);
            ProbeVersions = cmd.Option("--probe-versions", "Also offer TLS 1.0 and 1.1 alone, and report a server that accepts them.", CommandOptionType.NoValue);
            SelfTest = cmd.Option("--self-test", "Offline: run the server credentials on 127.0.0.1 and connect with the client's.", CommandOptionType.NoValue);
            ServerCert = cmd.Option("--server-cert <FILE>", "Self-test: server certificate (PEM, leaf then intermediates).", CommandOptionType.SingleValue);
            ServerKey = cmd.Option("--server-key <FILE>", "Self-test: server private key (PEM).", CommandOptionType.SingleValue);
            ServerPkcs12 = cmd.Option("--server-pkcs12 <FILE>", "Self-test: server certificate and key as PKCS#12.", CommandOptionType.SingleValue);
            ClientCa = cmd.Option("--client-ca <FILE>", "CA certificate(s) of the client certificate: the self-test server trusts them, and the client chain is linted against them; repeatable.", CommandOptionType.MultipleValue);
            Shared = SharedOptions.Register(cmd);
        }

        public CommandArgument Target { get; }
        public CommandOption Cert { get; }
        public CommandOption Key { get; }
        public CommandOption Pkcs12 { get; }
        public CommandOption ServerName { get; }
        public CommandOption Timeout { get; }
        public CommandOption Tls { get; }
        public CommandOption ProbeVersions { get; }
        public CommandOption SelfTest { get; }
        public CommandOption ServerCert { get; }
        public CommandOption ServerKey { get; }
        public CommandOption ServerPkcs12 { get; }
        public CommandOption ClientCa { get; }
        public SharedOptions Shared { get; }

        public CredentialFiles ClientFiles() => new(Cert.Value(), Key.Value(), Pkcs12.Value());

        public HandshakeSettings Settings(CliContext context) => new()
        {
            Lint = Shared.ToRequest(context),
            ServerName = ServerName.Value(),
            Timeout = Timeout.HasValue() ? ParseTimeout(Timeout.Value()!) : TimeSpan.FromSeconds(10),
            Version = Tls.HasValue() ? ParseTls(Tls.Value()!) : TlsVersionChoice.Any,
            ProbeVersions = ProbeVersions.HasValue(),
        };

        private static TimeSpan ParseTimeout(string text) =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s is > 0 and <= 600
                ? TimeSpan.FromSeconds(s)
                : throw new UserErrorException($"--timeout: '{text}' is not a number of seconds between 0 and 600.");

        private static TlsVersionChoice ParseTls(string text) => text.Trim() switch
        {
            "1.2" => TlsVersionChoice.Tls12,
            "1.3" => TlsVersionChoice.Tls13,
            _ => throw new UserErrorException($"--tls: '{text}' is not 1.2 or 1.3 (use --probe-versions for 1.0 and 1.1)."),
        };
    }
}
