using System.Security.Cryptography.X509Certificates;

namespace CertLint.Handshake.Tests;

/// <summary>
/// One test PKI written to a temp folder: a server root and intermediate with a localhost server, and a client CA with
/// good and bad client certificates, plus a foreign CA.
/// </summary>
internal sealed class Pki : IDisposable
{
    public Pki()
    {
        Dir = Directory.CreateTempSubdirectory("certlint-hs-").FullName;
        ServerRoot = TestPki.Root("Server Root CA");
        ServerIntermediate = TestPki.Intermediate("Server Issuing CA", ServerRoot);
        Server = TestPki.Server(ServerIntermediate);
        ClientRoot = TestPki.Root("Client CA");
        OtherRoot = TestPki.Root("Other CA");
        ServerRootFile = TestPki.WritePem(Dir, "server-root", ServerRoot).Cert;
        ClientRootFile = TestPki.WritePem(Dir, "client-ca", ClientRoot).Cert;
        GoodClient = Files("client", TestPki.Client(ClientRoot));
        RsaClient = Files("client-rsa", TestPki.Client(ClientRoot, rsa: true));
        ForeignClient = Files("foreign", TestPki.Client(OtherRoot));
        ExpiredClient = Files("expired", TestPki.Client(ClientRoot, expired: true));
        ServerAuthOnlyClient = Files("serverauth-only", TestPki.Client(ClientRoot, eku: TestPki.ServerAuth));
        ServerFiles = Files("server", Server, ServerIntermediate);
        ServerIntermediateFile = TestPki.WritePem(Dir, "server-intermediate", ServerIntermediate).Cert;
    }

    public string Dir { get; }
    public X509Certificate2 ServerRoot { get; }
    public X509Certificate2 ServerIntermediate { get; }
    public X509Certificate2 Server { get; }
    public X509Certificate2 ClientRoot { get; }
    public X509Certificate2 OtherRoot { get; }
    public string ServerRootFile { get; }
    public string ClientRootFile { get; }
    public string ServerIntermediateFile { get; }
    public CredentialFiles GoodClient { get; }
    public CredentialFiles RsaClient { get; }
    public CredentialFiles ForeignClient { get; }
    public CredentialFiles ExpiredClient { get; }
    public CredentialFiles ServerAuthOnlyClient { get; }
    /// <summary>The server leaf followed by its intermediate, and its key.</summary>
    public CredentialFiles ServerFiles { get; }

    /// <summary>A loopback server with this PKI's server certificate that requires clients from the client CA.</summary>
    public LoopbackServerOptions ServerOptions(bool sendIntermediate = true, ClientCertificateMode mode = ClientCertificateMode.Required, X509Certificate2? certificate = null) => new()
    {
        Certificate = certificate ?? Server,
        Chain = sendIntermediate ? [ServerIntermediate] : [],
        ClientCertificates = mode,
        ClientTrust = [ClientRoot],
        Timeout = TimeSpan.FromSeconds(10),
    };

    private CredentialFiles Files(string name, X509Certificate2 cert, params X509Certificate2[] chain)
    {
        var (c, k) = TestPki.WritePem(Dir, name, cert, chain);
        return new CredentialFiles(c, k);
    }

    public void Dispose()
    {
        foreach (var c in new[] { ServerRoot, ServerIntermediate, Server, ClientRoot, OtherRoot }) c.Dispose();
        Directory.Delete(Dir, recursive: true);
    }
}
