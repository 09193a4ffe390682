using System.Globalization;
using CertLint.Engine;
using CertLint.Findings;
using CertLint.Tls;
using CertLint.Reporting;
using McMaster.Extensions.CommandLineUtils;

namespace CertLint.Cli.Commands;

/// <summary>
/// `certlint handshake HOST:PORT` and `certlint handshake --self-test`: translates options into a handshake request;
/// the probe and the self-test server live in CertLint.Tls, the judgement in Core.
/// </summary>
internal static class HandshakeCommand
{
    public static void Configure(CommandLineApplication cmd, CliContext context)
    {
        cmd.Description = "Check a TLS endpoint's handshake (mTLS included), or --self-test a client/server pair on loopback.";
        cmd.HelpOption("-?|-h|--help");
        var o = new Options(cmd);
        cmd.OnExecute(() => ExecuteAsync(o, context, CancellationToken.None));
    }

    private static async Task<int> ExecuteAsync(Options o, CliContext context, CancellationToken token)
    {
        var checker = new HandshakeChecker(context.Time);
        HandshakeReport report;
        if (o.SelfTest.HasValue())
        {
            if (o.Target.Value is not null) throw new UserErrorException("--self-test takes no HOST:PORT: it starts its own server on 127.0.0.1.");
            report = await checker.SelfTestAsync(new SelfTestRequest
            {
                Settings = o.Settings(context),
                Server = new CredentialFiles(o.ServerCert.Value(), o.ServerKey.Value(), o.ServerPkcs12.Value()),
                Client = o.ClientFiles(),
                ServerCaFiles = o.Ca.Values.OfType<string>().ToList(),
                ClientCaFiles = o.ClientCa.Values.OfType<string>().ToList(),
            }, token).ConfigureAwait(false);
        }
        else
        {
            var target = o.Target.Value ?? throw new UserErrorException("handshake needs HOST:PORT (or --self-test).");
            report = await checker.CheckAsync(new HandshakeRequest
            {
                Settings = o.Settings(context),
                Target = target,
                Client = o.ClientFiles(),
                CaFiles = o.Ca.Values.OfType<string>().ToList(),
                ClientCaFiles = o.ClientCa.Values.OfType<string>().ToList(),
            }, token).ConfigureAwait(false);
        }
        ReportWriter.WriteFiles(report.Result, o.Reports, new ReportSettings { Category = o.Category.Value(), OutputDirectory = context.WorkingDirectory });
        ConsoleReport.Write(report.Result, context.Out, ConsoleOptions.For(o.Quiet.HasValue(), o.Verbose.HasValue(), context.OutIsTerminal, context.Environment));
        return report.ExitCode;
    }

    private sealed class Options
    {
        public Options(CommandLineApplication cmd)
        {
            Target = cmd.Argument("HOST:PORT", "The TLS endpoint to check (port 443 when omitted).");
            Cert = cmd.Option("--cert <FILE>", "Client certificate (PEM; intermediates after the leaf are sent too).", CommandOptionType.SingleValue);
            Key = cmd.Option("--key <FILE>", "Client private key (PEM; encrypted keys read the password from the environment).", CommandOptionType.SingleValue);
            Pkcs12 = cmd.Option("--pkcs12 <FILE>", "Client certificate and key as PKCS#12 (password from the environment).", CommandOptionType.SingleValue);
            PasswordEnv = cmd.Option("--password-env <NAME>", "Environment variable holding the key/PKCS#12 password (default CERTLINT_PASSWORD).", CommandOptionType.SingleValue);
            Ca = cmd.Option("--ca <FILE>", "CA certificate(s) to validate the server with (default: the system store); repeatable.", CommandOptionType.MultipleValue);
            ServerName = cmd.Option("--servername <NAME>", "SNI name, and the name the server certificate must cover (default: the host).", CommandOptionType.SingleValue);
            Timeout = cmd.Option("--timeout <SECONDS>", "Bound on connecting plus the handshake (default 10).", CommandOptionType.SingleValue);
            Tls = cmd.Option("--tls <VERSION>", "Offer only TLS 1.2 or 1.3 (default: both).", CommandOptionType.SingleValue);
            Config = cmd.Option("-c|--config <FILE>", "Configuration file (default: .certlint.yml here): rule severities, suppressions, fail-on.", CommandOptionType.SingleValue);
            FailOn = cmd.Option("--fail-on <LEVEL>", "Exit 1 on findings at or above: error (default), warning, note, none.", CommandOptionType.SingleValue);
            SelfTest = cmd.Option("--self-test", "Offline: run the server credentials on 127.0.0.1 and connect with the client's.", CommandOptionType.NoValue);
            ServerCert = cmd.Option("--server-cert <FILE>", "Self-test: server certificate (PEM, leaf then intermediates).", CommandOptionType.SingleValue);
            ServerKey = cmd.Option("--server-key <FILE>", "Self-test: server private key (PEM).", CommandOptionType.SingleValue);
            ServerPkcs12 = cmd.Option("--server-pkcs12 <FILE>", "Self-test: server certificate and key as PKCS#12.", CommandOptionType.SingleValue);
            ClientCa = cmd.Option("--client-ca <FILE>", "CA certificate(s) of the client certificate: the self-test server trusts them, and the client chain is linted against them; repeatable.", CommandOptionType.MultipleValue);
            Sarif = cmd.Option("--sarif <FILE>", "Write a SARIF 2.1.0 report.", CommandOptionType.SingleValue);
            JUnit = cmd.Option("--junit <FILE>", "Write a JUnit XML report.", CommandOptionType.SingleValue);
            Json = cmd.Option("--json <FILE>", "Write a JSON report.", CommandOptionType.SingleValue);
            Markdown = cmd.Option("--markdown <FILE>", "Write a Markdown summary.", CommandOptionType.SingleValue);
            Category = cmd.Option("--category <ID>", "SARIF automationDetails.id, to keep several analyses apart.", CommandOptionType.SingleValue);
            Quiet = cmd.Option("-q|--quiet", "Print only findings at or above --fail-on and the summary.", CommandOptionType.NoValue);
            Verbose = cmd.Option("-v|--verbose", "Also print each rule's fix and help link.", CommandOptionType.NoValue);
        }

        public CommandArgument Target { get; }
        public CommandOption Cert { get; }
        public CommandOption Key { get; }
        public CommandOption Pkcs12 { get; }
        public CommandOption PasswordEnv { get; }
        public CommandOption Ca { get; }
        public CommandOption ServerName { get; }
        public CommandOption Timeout { get; }
        public CommandOption Tls { get; }
        public CommandOption FailOn { get; }
        public CommandOption Config { get; }
        public CommandOption SelfTest { get; }
        public CommandOption ServerCert { get; }
        public CommandOption ServerKey { get; }
        public CommandOption ServerPkcs12 { get; }
        public CommandOption ClientCa { get; }
        public CommandOption Sarif { get; }
        public CommandOption JUnit { get; }
        public CommandOption Json { get; }
        public CommandOption Markdown { get; }
        public CommandOption Category { get; }
        public CommandOption Quiet { get; }
        public CommandOption Verbose { get; }

        public ReportOutputs Reports => new(Sarif.Value(), JUnit.Value(), Json.Value(), Markdown.Value());

        public CredentialFiles ClientFiles() => new(Cert.Value(), Key.Value(), Pkcs12.Value());

        /// <summary>The options both modes share.</summary>
        public HandshakeSettings Settings(CliContext context) => new()
        {
            ServerName = ServerName.Value(),
            Timeout = Timeout.HasValue() ? ParseTimeout(Timeout.Value()!) : TimeSpan.FromSeconds(10),
            Version = Tls.HasValue() ? ParseTls(Tls.Value()!) : TlsVersionChoice.Any,
            WorkingDirectory = context.WorkingDirectory,
            FailOn = FailOn.HasValue() ? RequestValues.ParseFailOn(FailOn.Value()!) : null,
            ConfigPath = Config.Value(),
            PasswordEnv = PasswordEnv.Value() ?? "CERTLINT_PASSWORD",
            Environment = context.Environment,
        };

        private static TimeSpan ParseTimeout(string text) =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s is > 0 and <= 600
                ? TimeSpan.FromSeconds(s)
                : throw new UserErrorException($"--timeout: '{text}' is not a number of seconds between 0 and 600.");

        private static TlsVersionChoice ParseTls(string text) => text.Trim() switch
        {
            "1.2" => TlsVersionChoice.Tls12,
            "1.3" => TlsVersionChoice.Tls13,
            _ => throw new UserErrorException($"--tls: '{text}' is not 1.2 or 1.3."),
        };
    }
}
