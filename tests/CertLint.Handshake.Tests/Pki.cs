using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertLint.Tests.Pki;


namespace CertLint.Handshake.Tests;

/// <summary>
/// One test PKI written to a temp folder, made with the shared TestPki builder: a server root and intermediate with a
/// localhost server, and a client CA with good and bad client certificates, plus a foreign CA. TLS peers judge validity
/// by the real clock, so everything is valid from now-1d to now+90d (past the lint's 30-day expiring-soon window; the
/// expired client ended yesterday). Keys are written owner-only, as the lint's key-file-permissions rule wants.
/// </summary>
internal sealed class Pki : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    public Pki()
    {
        Dir = Directory.CreateTempSubdirectory("certlint-hs-").FullName;
        var serverRoot = TestPki.CreateRoot("Server Root CA", Current());
        var serverIntermediate = serverRoot.IssueCa("Server Issuing CA", Current());
        ServerLeaf = serverIntermediate.Issue("localhost", Current(o => o.ServerAuth().Dns("localhost").Ip("127.0.0.1")));
        ClientRootCa = TestPki.CreateRoot("Client CA", Current());
        var otherRoot = TestPki.CreateRoot("Other CA", Current());

        Server = WithKey(ServerLeaf);
        ServerIntermediate = serverIntermediate.Certificate;
        ServerIssuingCa = serverIntermediate;
        ClientRoot = ClientRootCa.Certificate;
        ServerRootFile = TestPki.WritePem(Dir, "server-root.crt", serverRoot);
        ServerIntermediateFile = TestPki.WritePem(Dir, "server-intermediate.crt", serverIntermediate);
        ClientRootFile = TestPki.WritePem(Dir, "client-ca.crt", ClientRootCa);
        GoodClient = Files("client", ClientRootCa.Issue("client.acme.test", Current(o => o.ClientAuth())));
        RsaClient = Files("client-rsa", ClientRootCa.Issue("client.acme.test", Current(o => o.ClientAuth().Rsa().KeyUsage(System.Security.Cryptography.X509Certificates.X509KeyUsageFlags.DigitalSignature))));
        ForeignClient = Files("foreign", otherRoot.Issue("client.acme.test", Current(o => o.ClientAuth())));
        ExpiredClient = Files("expired", ClientRootCa.Issue("client.acme.test", o => o.ClientAuth().Valid(Now.AddDays(-30), Now.AddDays(-1))));
        ServerAuthOnlyClient = Files("serverauth-only", ClientRootCa.Issue("client.acme.test", Current(o => o.ServerAuth())));
        ServerFiles = Files("server", ServerLeaf, serverIntermediate);
        ServerCasFile = TestPki.WritePem(Dir, "server-cas.crt", serverRoot, serverIntermediate);
        // RFC 7633's TLS feature extension listing status_request (5): OCSP must-staple.
        MustStapleLeaf = serverIntermediate.Issue("localhost", Current(o => o.ServerAuth().Dns("localhost").Ip("127.0.0.1")
            .Extension(new X509Extension("1.3.6.1.5.5.7.1.24", [0x30, 0x03, 0x02, 0x01, 0x05], critical: false))));
        MustStapleServerFiles = Files("server-must-staple", MustStapleLeaf, serverIntermediate);
        RsaServerFiles = Files("server-rsa", serverIntermediate.Issue("localhost", Current(o => o.ServerAuth().Dns("localhost").Rsa())), serverIntermediate);
        // A client issued by an intermediate, its file holding the leaf only; the server's CA file holds root and intermediate.
        var clientIntermediate = ClientRootCa.IssueCa("Client Issuing CA", Current());
        ClientViaIntermediate = Files("client-via-int", clientIntermediate.Issue("client2.acme.test", Current(o => o.ClientAuth())));
        ClientCasFile = TestPki.WritePem(Dir, "client-cas.crt", ClientRootCa, clientIntermediate);
    }

    /// <summary>The server's root and its intermediate, in one CA file.</summary>
    public string ServerCasFile { get; }
    /// <summary>A localhost leaf with the TLS feature status_request ("must-staple"), from the server's issuing CA.</summary>
    public TestCertificate MustStapleLeaf { get; }
    /// <summary><see cref="MustStapleLeaf"/> followed by its intermediate, and its key.</summary>
    public CredentialFiles MustStapleServerFiles { get; }
    /// <summary>An RSA server leaf (for static-RSA cipher suites) with its intermediate.</summary>
    public CredentialFiles RsaServerFiles { get; }
    /// <summary>A client certificate from "Client Issuing CA", alone in its file.</summary>
    public CredentialFiles ClientViaIntermediate { get; }
    /// <summary>The client root and "Client Issuing CA", in one CA file.</summary>
    public string ClientCasFile { get; }

    public string Dir { get; }
    /// <summary>The server leaf, with its private key (for SslStream).</summary>
    public X509Certificate2 Server { get; }
    public TestCertificate ServerLeaf { get; }
    public X509Certificate2 ServerIntermediate { get; }
    /// <summary>The server's issuing CA with its key (it signs the OCSP responses of the stapling tests).</summary>
    public TestCertificate ServerIssuingCa { get; }
    public X509Certificate2 ClientRoot { get; }
    public TestCertificate ClientRootCa { get; }
    public string ServerRootFile { get; }
    public string ServerIntermediateFile { get; }
    public string ClientRootFile { get; }
    public CredentialFiles GoodClient { get; }
    public CredentialFiles RsaClient { get; }
    public CredentialFiles ForeignClient { get; }
    public CredentialFiles ExpiredClient { get; }
    public CredentialFiles ServerAuthOnlyClient { get; }
    /// <summary>The server leaf followed by its intermediate, and its key.</summary>
    public CredentialFiles ServerFiles { get; }

    /// <summary>A loopback server with this PKI's server certificate that requires clients from the client CA.</summary>
    public LoopbackServerOptions ServerOptions(bool sendIntermediate = true, ClientCertificateMode mode = ClientCertificateMode.Required) => new()
    {
        Certificate = Server,
        Chain = sendIntermediate ? [ServerIntermediate] : [],
        ClientCertificates = mode,
        ClientTrust = [ClientRoot],
        Timeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>
    /// A loopback server whose localhost leaf (from the server's issuing CA) also carries <paramref name="extraNames"/>
    /// DNS names of about 40 characters each: a certificate message of any size, as big SAN certificates make them.
    /// </summary>
    public LoopbackServerOptions ServerWithManyNames(int extraNames, out int leafBytes)
    {
        var names = Enumerable.Range(0, extraNames).Select(i => $"host-{i:D6}.large-san.acme.test").ToArray();
        var leaf = WithKey(ServerIssuingCa.Issue("localhost", Current(o => o.ServerAuth().Dns("localhost").Ip("127.0.0.1").Dns(names))));
        leafBytes = leaf.RawData.Length;
        return new LoopbackServerOptions
        {
            Certificate = leaf,
            Chain = [ServerIntermediate],
            ClientCertificates = ClientCertificateMode.None,
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    /// <summary>Writes NAME.crt (the certificates in order) and NAME.key (the first one's key).</summary>
    public CredentialFiles Files(string name, params TestCertificate[] certificates)
    {
        var key = TestPki.WriteKey(Dir, name + ".key", certificates[0]);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return new(TestPki.WritePem(Dir, name + ".crt", certificates), key);
    }

    private static Action<CertOptions> Current(Action<CertOptions>? more = null) => o =>
    {
        o.Valid(Now.AddDays(-1), Now.AddDays(90));
        more?.Invoke(o);
    };

    private static X509Certificate2 WithKey(TestCertificate c) => c.Key.Bcl switch
    {
        ECDsa ec => c.Certificate.CopyWithPrivateKey(ec),
        RSA rsa => c.Certificate.CopyWithPrivateKey(rsa),
        _ => throw new NotSupportedException("loopback servers need an RSA or EC key"),
    };

    public void Dispose()
    {
        Server.Dispose();
        Directory.Delete(Dir, recursive: true);
    }
}
