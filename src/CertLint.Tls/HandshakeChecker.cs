using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertLint.Configuration;
using CertLint.Endpoints;
using CertLint.Engine;
using CertLint.Model;
using CertLint.Parsing;
using CertLint.Rules;

namespace CertLint.Tls;

/// <summary>
/// Entry point of `certlint handshake`: live endpoints (one target, or every `endpoints:` entry of the configuration),
/// or the offline self-test of a client/server pair. The probes gather facts; Core's <see cref="EndpointLint"/> judges
/// them with the lint's settings and rules. Network and TLS trouble become findings (exit 1); only bad options or
/// unreadable files throw (exit 2).
/// </summary>
public sealed class HandshakeChecker
{
    private readonly TimeProvider _time;

    public HandshakeChecker(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    public async Task<HandshakeReport> CheckAsync(HandshakeRequest request, CancellationToken cancellationToken = default)
    {
        var settings = request.Settings;
        var started = Stopwatch.StartNew();
        var lint = LintRequest(settings, request.ClientCaFiles);
        var resolved = SettingsResolver.Resolve(lint, _time);
        List<EndpointTarget> targets = request.Target is { } target
            ? [new EndpointTarget(target, settings.ServerName, request.Client)]
            : resolved.Endpoints.Select(e => new EndpointTarget(e.Target, e.ServerName ?? settings.ServerName, request.Client.IsEmpty ? e.Client : request.Client)).ToList();
        if (targets.Count == 0) throw new UserErrorException("handshake needs HOST:PORT, an `endpoints:` list in .certlint.yml, or --self-test.");
        var probes = await Task.WhenAll(targets.Select(t => ProbeAsync(t, settings, resolved, request.ClientCaFiles.Count > 0, cancellationToken))).ConfigureAwait(false);
        var result = EndpointLint.Run(lint, probes.Select(p => p.Endpoint).ToList(), _time, started.Elapsed);
        return new HandshakeReport { Result = result, Outcomes = probes.Select(p => p.Outcome).ToList() };
    }

    private async Task<(ObservedEndpoint Endpoint, ProbeOutcome Outcome)> ProbeAsync(EndpointTarget target, HandshakeSettings settings, LintSettings resolved,
        bool judgeClientChain, CancellationToken cancellationToken)
    {
        var (host, port) = HandshakeTarget.Parse(target.Target);
        var clientFiles = target.Client ?? new CredentialFiles();
        var problems = new List<string>();
        using var client = LoadCredential(clientFiles, resolved, "client", problems);
        var options = new ProbeOptions
        {
            Host = host, Port = port, ServerName = target.ServerName, Client = client,
            Timeout = settings.Timeout, VerdictWait = settings.VerdictWait, Version = settings.Version,
        };
        var outcome = await TlsProbe.RunAsync(options, cancellationToken).ConfigureAwait(false);
        if (settings.ProbeVersions && outcome.Connected) outcome.LegacyVersionsAccepted = await LegacyVersionsAsync(options, cancellationToken).ConfigureAwait(false);
        return (Observed(outcome, options, clientFiles, problems, judgeClientChain), outcome);
    }

    /// <summary>
    /// What a live probe hands to <see cref="EndpointLint"/>: everything the peer sent (its chain, its staple, the CA
    /// names of its CertificateRequest) as the probe recorded it. The fuzz harness `ocsp` drives the lint through here.
    /// </summary>
    public static ObservedEndpoint Observed(ProbeOutcome outcome, ProbeOptions options, CredentialFiles clientFiles, IReadOnlyList<string> problems, bool judgeClientChain) => new()
    {
        Location = $"tls://{options.Endpoint}",
        Label = $"TLS endpoint {options.Endpoint}",
        HostName = options.EffectiveServerName ?? options.Host,
        Handshake = HandshakeAnalyzer.Facts(outcome, options, clientGiven: !clientFiles.IsEmpty, problems),
        ServerChain = outcome.ServerCertificates,
        OcspStaple = outcome.OcspStaple,
        Client = clientFiles,
        JudgeClientChain = judgeClientChain,
    };

    /// <summary>--probe-versions: one more connection per legacy version, offering it alone, without a client certificate.</summary>
    private static async Task<IReadOnlyList<string>> LegacyVersionsAsync(ProbeOptions options, CancellationToken cancellationToken)
    {
        var accepted = new List<string>();
        foreach (var (choice, wire, name) in new[] { (TlsVersionChoice.Tls10, ProtocolVersions.Tls10, "TLS 1.0"), (TlsVersionChoice.Tls11, ProtocolVersions.Tls11, "TLS 1.1") })
        {
            var legacy = await TlsProbe.RunAsync(new ProbeOptions
            {
                Host = options.Host, Port = options.Port, ServerName = options.ServerName, Timeout = options.Timeout, VerdictWait = TimeSpan.Zero, Version = choice,
            }, cancellationToken).ConfigureAwait(false);
            if (legacy.NegotiatedVersion == wire) accepted.Add(name);
        }
        return accepted;
    }

    public async Task<HandshakeReport> SelfTestAsync(SelfTestRequest request, CancellationToken cancellationToken = default)
    {
        request = SelfTestDefaults.Apply(request);
        var settings = request.Settings;
        var started = Stopwatch.StartNew();
        if (request.Server.IsEmpty) throw new UserErrorException("--self-test needs the server's certificate and key (--server-cert/--server-key or --server-pkcs12, or a selfTest section in .certlint.yml).");
        var lint = LintRequest(settings, request.ClientCaFiles);
        var resolved = SettingsResolver.Resolve(lint, _time);
        var problems = new List<string>();
        using var server = LoadCredential(request.Server, resolved, "server", problems);
        using var client = LoadCredential(request.Client, resolved, "client", problems);
        var (outcome, verdict, facts) = server is null
            ? (null, null, null)
            : await RunPairAsync(server, client, request, problems, cancellationToken).ConfigureAwait(false);
        var id = $"self-test://{Path.GetFileName(request.Server.Certificate ?? request.Server.Pkcs12)}+{Path.GetFileName(request.Client.Certificate ?? request.Client.Pkcs12)}";
        var endpoint = new ObservedEndpoint
        {
            Location = id,
            Label = "mTLS self-test",
            HostName = settings.ServerName,
            Handshake = facts ?? HandshakeAnalyzer.NotAttempted(id, clientGiven: !request.Client.IsEmpty, problems),
            Server = request.Server,
            Client = request.Client,
            JudgeClientChain = request.ClientCaFiles.Count > 0,
            Locate = rule => PairFile(rule == BuiltInRules.ServerChainIncomplete ? request.Server : request.Client, settings.WorkingDirectory),
        };
        var result = EndpointLint.Run(lint, [endpoint], _time, started.Elapsed);
        return new HandshakeReport { Result = result, Outcomes = outcome is null ? [] : [outcome], ServerVerdict = verdict };
    }

    /// <summary>Serves the server credential on loopback, connects with the client's, and adds what both sides saw.</summary>
    private async Task<(ProbeOutcome?, ServerVerdict?, HandshakeFacts?)> RunPairAsync(ClientCredential server, ClientCredential? client, SelfTestRequest request,
        List<string> problems, CancellationToken cancellationToken)
    {
        var settings = request.Settings;
        var clientTrust = request.ClientCaFiles.Count == 0 ? [] : LoadAll(request.ClientCaFiles, settings.WorkingDirectory);
        LoopbackTlsServer listener;
        try
        {
            listener = LoopbackTlsServer.Start(new LoopbackServerOptions
            {
                Certificate = server.Certificate, Chain = server.Chain, ClientCertificates = ClientCertificateMode.Required,
                ClientTrust = clientTrust, Timeout = settings.Timeout + settings.VerdictWait, Time = _time,
            });
        }
        catch (Exception e) when (e is CryptographicException or NotSupportedException or ArgumentException)
        {
            problems.Add($"server credential: {server.Source} cannot serve TLS on this platform (its key type or chain is not supported)");
            return (null, null, null);
        }
        await using (listener.ConfigureAwait(false))
        {
            var options = new ProbeOptions
            {
                Host = "127.0.0.1", Port = listener.Port, ServerName = settings.ServerName ?? FirstDnsName(server.Certificate), Client = client,
                Timeout = settings.Timeout, VerdictWait = settings.VerdictWait, Version = settings.Version,
            };
            var outcome = await TlsProbe.RunAsync(options, cancellationToken).ConfigureAwait(false);
            ServerVerdict? verdict = null;
            try
            {
                verdict = await listener.FirstVerdict.WaitAsync(settings.Timeout, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // The client never reached the server's verdict (it failed before): only the client side speaks.
            }
            // In the self-test we are the server too: its own reasons for a rejection are facts of the handshake.
            var facts = HandshakeAnalyzer.Facts(outcome, options, clientGiven: !request.Client.IsEmpty, problems,
                verdict is { Accepted: false } ? verdict.Reasons : null);
            return (outcome, verdict, facts);
        }
    }

    /// <summary>The lint's request for a handshake run: the client's CA anchors its chain too; no --ca means the system store.</summary>
    private static LintRequest LintRequest(HandshakeSettings settings, IReadOnlyList<string> clientCaFiles) => settings.Lint with
    {
        CaFiles = [.. settings.Lint.CaFiles, .. clientCaFiles],
        SystemTrustByDefault = settings.Lint.CaFiles.Count == 0,
    };

    /// <summary>The certificate file of one side of the pair, relative to the working directory, for report locations.</summary>
    private static SourceFile? PairFile(CredentialFiles files, string workingDirectory)
    {
        var path = files.Certificate ?? files.Pkcs12;
        if (path is null) return null;
        var full = Path.GetFullPath(path, workingDirectory);
        return new SourceFile(full, Path.GetRelativePath(workingDirectory, full).Replace('\\', '/'), 0, null);
    }

    private static string? FirstDnsName(X509Certificate2 cert) =>
        cert.Extensions.OfType<X509SubjectAlternativeNameExtension>().SelectMany(s => s.EnumerateDnsNames()).FirstOrDefault();

    private static X509Certificate2Collection LoadAll(IReadOnlyList<string> files, string workingDirectory)
    {
        var all = new X509Certificate2Collection();
        foreach (var f in files) all.AddRange(CredentialLoader.LoadCertificates(Path.GetFullPath(f, workingDirectory)));
        return all;
    }

    /// <summary>
    /// Loads a credential with the lint's passwords (passwordEnv, passwords: by path). One that cannot be used (a key of
    /// another certificate) is a credential problem of the handshake: the lint names the cause (key-mismatch) on its files.
    /// </summary>
    private static ClientCredential? LoadCredential(CredentialFiles files, LintSettings settings, string role, List<string> problems)
    {
        if (files.IsEmpty) return null;
        var passwords = new SettingsPasswordSource(settings);
        SourceFile Source(string path)
        {
            var full = Path.GetFullPath(path, settings.Root);
            return new SourceFile(full, Path.GetRelativePath(settings.Root, full).Replace('\\', '/'), 0, null);
        }
        try
        {
            if (files.Pkcs12 is { } p12)
                return CredentialLoader.LoadPkcs12(Source(p12).FullPath, passwords.CandidatesFor(Source(p12)), passwords.HintFor(Source(p12)));
            if (files.Certificate is null || files.Key is null)
                throw new UserErrorException($"the {role} credential needs both a certificate and a key (or a PKCS#12 file).");
            var key = Source(files.Key);
            return CredentialLoader.LoadPem(Source(files.Certificate).FullPath, key.FullPath, passwords.CandidatesFor(key), passwords.HintFor(key));
        }
        catch (KeyMismatchException e)
        {
            problems.Add($"{role} credential: {e.Message}");
            return null;
        }
    }
}
