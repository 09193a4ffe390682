using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertLint.Endpoints;
using CertLint.Engine;
using CertLint.Tls;

namespace CertLint.Fuzz;

/// <summary>
/// What a probed TLS peer sends and Core reads: the certificates of its chain, the OCSP response it stapled and the CA
/// names of its CertificateRequest. The input is cut into records (<see cref="Split"/>), put into a
/// <see cref="ProbeOutcome"/> as the probe records them, and handed to the lint exactly as `certlint handshake` does
/// (<see cref="HandshakeChecker.Observed"/>, then <see cref="EndpointLint.Run"/>): the chain parsed, the staple read
/// against the leaf's issuer, the CA names written as text and matched against a client credential. No network.
/// </summary>
public static class OcspTarget
{
    /// <summary>Record kinds (the kind byte modulo 3).</summary>
    public const byte Certificate = 0, Staple = 1, CaName = 2;

    /// <summary>The instant the lint runs at: inside the seeds' validity and their staples' update windows.</summary>
    public static readonly DateTimeOffset Now = new(2027, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<string> EmptyFolder = new(() => Directory.CreateTempSubdirectory("certlint-fuzz-ocsp-").FullName);
    private static readonly Lazy<ClientCredential> Client = new(MakeClient);

    public static void Run(byte[] input) => Lint(input);

    /// <summary>The lint's result for one input (the tests read its findings).</summary>
    public static LintResult Lint(byte[] input)
    {
        var (chain, staple, caNames) = Split(input);
        return Lint(chain, staple, caNames);
    }

    /// <summary>The lint's result for what a peer sent: its chain (leaf first), its staple, the CA names of its CertificateRequest.</summary>
    public static LintResult Lint(IReadOnlyList<byte[]> chain, byte[]? staple, IReadOnlyList<byte[]> caNames)
    {
        var outcome = new ProbeOutcome
        {
            Endpoint = "peer.fuzz.test:443",
            Connected = true,
            HandshakeCompleted = true,
            Protocol = "TLS 1.2",
            CipherSuite = "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            ForwardSecret = true,
            ServerCertificates = chain,
            OcspStaple = staple,
            ClientCertificateRequested = caNames.Count > 0,
            AcceptedCaNames = caNames,
        };
        var options = new ProbeOptions { Host = "peer.fuzz.test", Port = 443, Client = Client.Value };
        var endpoint = HandshakeChecker.Observed(outcome, options, new CredentialFiles(), [], judgeClientChain: false);
        var request = new LintRequest { WorkingDirectory = EmptyFolder.Value, Now = Now, AnchorsFromScan = false };
        return EndpointLint.Run(request, [endpoint], new FixedClock(), TimeSpan.Zero);
    }

    /// <summary>
    /// Records of [kind][length, 2 bytes big-endian][bytes], a short last record taken as far as it goes: kind 0 a
    /// certificate the server sent (leaf first), 1 the staple (the last one counts), 2 a CA name of its CertificateRequest.
    /// </summary>
    public static (List<byte[]> Chain, byte[]? Staple, List<byte[]> CaNames) Split(ReadOnlySpan<byte> input)
    {
        var chain = new List<byte[]>();
        var names = new List<byte[]>();
        byte[]? staple = null;
        while (input.Length >= 3)
        {
            var length = Math.Min((input[1] << 8) | input[2], input.Length - 3);
            var bytes = input.Slice(3, length).ToArray();
            switch (input[0] % 3)
            {
                case Certificate: chain.Add(bytes); break;
                case Staple: staple = bytes; break;
                default: names.Add(bytes); break;
            }
            input = input[(3 + length)..];
        }
        return (chain, staple, names);
    }

    /// <summary>One input from its records (the seeds and the tests write theirs with it).</summary>
    public static byte[] Join(IEnumerable<(byte Kind, byte[] Bytes)> records)
    {
        using var output = new MemoryStream();
        foreach (var (kind, bytes) in records)
        {
            if (bytes.Length > ushort.MaxValue) throw new ArgumentException("a record holds at most 65,535 bytes", nameof(records));
            output.Write([kind, (byte)(bytes.Length >> 8), (byte)bytes.Length]);
            output.Write(bytes);
        }
        return output.ToArray();
    }

    /// <summary>The client credential the CA names are matched against (made with .NET, not the instrumented engine).</summary>
    private static ClientCredential MakeClient()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=client.fuzz.test", key, HashAlgorithmName.SHA256);
        var certificate = request.CreateSelfSigned(Now.AddYears(-1), Now.AddYears(1));
        return new ClientCredential(certificate, [], "fuzz client");
    }

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
