using CertLint.Endpoints;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertLint.Rules;

namespace CertLint.Tls;

/// <summary>
/// Entry point of `certlint handshake`: a live endpoint probe, or the offline self-test of a client/server pair.
/// Network and TLS trouble become findings (exit 1); only bad options or unreadable files throw (exit 2).
/// </summary>
public sealed class HandshakeChecker
{
    private readonly TimeProvider _time;

    public HandshakeChecker(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    public async Task<HandshakeReport> CheckAsync(HandshakeRequest request, CancellationToken cancellationToken = default)
    {
        var settings = request.Settings;
        var started = Stopwatch.StartNew();
        var (host, port) = HandshakeTarget.Parse(request.Target);
        var trust = request.CaFiles.Count == 0 ? null : LoadAll(request.CaFiles, settings.WorkingDirectory);
        var observations = new List<HandshakeObservation>();
        using var client = LoadCredential(request.Client, settings, "client", observations);
        var options = new ProbeOptions
        {
            Host = host, Port = port, ServerName = settings.ServerName, Client = client,
            Timeout = settings.Timeout, VerdictWait = settings.VerdictWait, Version = settings.Version,
        };
        var outcome = await TlsProbe.RunAsync(options, cancellationToken).ConfigureAwait(false);
        var now = settings.Now ?? _time.GetUtcNow();
        observations.AddRange(HandshakeAnalyzer.Analyze(outcome, options, trust, options.EffectiveServerName ?? host, now));
        var location = $"tls://{options.Endpoint}";
        var objects = new HandshakeObjects(outcome.ServerCertificates, [], Files(request.Client), request.CaFiles, request.ClientCaFiles);
        var result = HandshakeResultBuilder.Build(location, location, $"TLS endpoint {options.Endpoint}", observations, objects, settings.ToLintRequest(), now, started.Elapsed);
        return new HandshakeReport { Result = result, Outcome = outcome };
    }

    public async Task<HandshakeReport> SelfTestAsync(SelfTestRequest request, CancellationToken cancellationToken = default)
    {
        request = SelfTestDefaults.Apply(request);
        var settings = request.Settings;
        var started = Stopwatch.StartNew();
        var observations = new List<HandshakeObservation>();
        if (request.Server.IsEmpty) throw new Engine.UserErrorException("--self-test needs the server's certificate and key (--server-cert/--server-key or --server-pkcs12, or a selfTest section in .certlint.yml).");
        using var server = LoadCredential(request.Server, settings, "server", observations);
        using var client = LoadCredential(request.Client, settings, "client", observations);
        var now = settings.Now ?? _time.GetUtcNow();
        var (outcome, verdict) = server is null ? (null, null) : await RunPairAsync(server, client, request, now, observations, cancellationToken).ConfigureAwait(false);
        var id = $"self-test://{Path.GetFileName(request.Server.Certificate ?? request.Server.Pkcs12)}+{Path.GetFileName(request.Client.Certificate ?? request.Client.Pkcs12)}";
        var objects = new HandshakeObjects([], Files(request.Server), Files(request.Client), request.ServerCaFiles, request.ClientCaFiles);
        var result = HandshakeResultBuilder.Build(id, id, "mTLS self-test", observations, objects, settings.ToLintRequest(), now, started.Elapsed,
            ruleId => PairFile(ruleId is RuleIds.ServerChainIncomplete or RuleIds.ServerUntrusted or RuleIds.ServerCertExpired
                or RuleIds.ServerHostnameMismatch or RuleIds.ServerEkuMissing ? request.Server : request.Client, settings.WorkingDirectory));
        return new HandshakeReport { Result = result, Outcome = outcome, ServerVerdict = verdict };
    }

    /// <summary>Serves the server credential on loopback, connects with the client's, and adds what both sides saw.</summary>
    private async Task<(ProbeOutcome?, ServerVerdict?)> RunPairAsync(ClientCredential server, ClientCredential? client, SelfTestRequest request,
        DateTimeOffset now, List<HandshakeObservation> observations, CancellationToken cancellationToken)
    {
        var settings = request.Settings;
        var serverTrust = request.ServerCaFiles.Count == 0 ? null : LoadAll(request.ServerCaFiles, settings.WorkingDirectory);
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
            observations.Add(new(RuleIds.ClientCertUnusable, $"server credential: {server.Source} cannot serve TLS: {e.Message}"));
            return (null, null);
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
            var analysis = HandshakeAnalyzer.Analyze(outcome, options, serverTrust, settings.ServerName, now);
            observations.AddRange(analysis.Select(o => ExplainServerSide(o, verdict)));
            return (outcome, verdict);
        }
    }

    /// <summary>In the self-test we are the server too: add its own reason to a rejection the client saw.</summary>
    private static HandshakeObservation ExplainServerSide(HandshakeObservation o, ServerVerdict? verdict) =>
        verdict is { Accepted: false } && o.RuleId is RuleIds.ClientCertRejected or RuleIds.ClientCertRequired or RuleIds.TlsHandshakeFailed
            ? o with { Message = $"{o.Message}. The server side says: {string.Join("; ", verdict.Reasons)}" }
            : o;

    private static List<string> Files(CredentialFiles files) => new[] { files.Certificate, files.Key, files.Pkcs12 }.OfType<string>().ToList();

    /// <summary>The certificate file of one side of the pair, relative to the working directory, for report locations.</summary>
    private static Model.SourceFile? PairFile(CredentialFiles files, string workingDirectory)
    {
        var path = files.Certificate ?? files.Pkcs12;
        if (path is null) return null;
        var full = Path.GetFullPath(path, workingDirectory);
        return new Model.SourceFile(full, Path.GetRelativePath(workingDirectory, full).Replace('\\', '/'), 0, null);
    }

    private static string? FirstDnsName(X509Certificate2 cert) =>
        cert.Extensions.OfType<X509SubjectAlternativeNameExtension>().SelectMany(s => s.EnumerateDnsNames()).FirstOrDefault();

    private static X509Certificate2Collection LoadAll(IReadOnlyList<string> files, string workingDirectory)
    {
        var all = new X509Certificate2Collection();
        foreach (var f in files) all.AddRange(CredentialLoader.LoadCertificates(Path.GetFullPath(f, workingDirectory)));
        return all;
    }

    /// <summary>Loads a credential; a key that does not match becomes a CL0612 observation and the run goes on without it.</summary>
    private static ClientCredential? LoadCredential(CredentialFiles files, HandshakeSettings options, string role, List<HandshakeObservation> observations)
    {
        if (files.IsEmpty) return null;
        var password = options.Environment(options.PasswordEnv);
        try
        {
            if (files.Pkcs12 is not null) return CredentialLoader.LoadPkcs12(Path.GetFullPath(files.Pkcs12, options.WorkingDirectory), password);
            if (files.Certificate is null || files.Key is null)
                throw new Engine.UserErrorException($"the {role} credential needs both a certificate and a key (or a PKCS#12 file).");
            return CredentialLoader.LoadPem(Path.GetFullPath(files.Certificate, options.WorkingDirectory), Path.GetFullPath(files.Key, options.WorkingDirectory), password);
        }
        catch (KeyMismatchException e)
        {
            observations.Add(new(RuleIds.ClientCertUnusable, $"{role} credential: {e.Message}"));
            return null;
        }
    }
}
