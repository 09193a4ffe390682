namespace CertLint.Configuration;

/// <summary>One side of a `selfTest` pair in .certlint.yml: its credentials and the CA files it trusts (absolute paths).</summary>
public sealed record SelfTestSide(string? Certificate, string? Key, string? Pkcs12, IReadOnlyList<string> Trusts);

/// <summary>
/// The client/server pair `certlint handshake --self-test` proves in CI without flags:
/// <code>
/// selfTest:
///   server: { cert: deploy/server.crt, key: deploy/server.key, trusts: [deploy/client-ca.crt] }
///   client: { cert: deploy/client.crt, key: deploy/client.key, trusts: [deploy/server-ca.crt] }
///   servername: api.acme.internal
/// </code>
/// </summary>
public sealed record SelfTestPair(SelfTestSide Server, SelfTestSide Client, string? ServerName);
