using CertLint.Engine;


namespace CertLint.Handshake.Tests;

public sealed class HandshakeTargetTests
{
    [TestCase("api.acme.test:8443", "api.acme.test", 8443)]
    [TestCase("api.acme.test", "api.acme.test", 443)]
    [TestCase("127.0.0.1:9000", "127.0.0.1", 9000)]
    [TestCase("[::1]:8443", "::1", 8443)]
    [TestCase("[::1]", "::1", 443)]
    public void Parses(string target, string host, int port) => HandshakeTarget.Parse(target).ShouldBe((host, port));

    [TestCase("api.acme.test:0")]
    [TestCase("api.acme.test:70000")]
    [TestCase("api.acme.test:https")]
    [TestCase(":443")]
    [TestCase("[::1")]
    public void Rejects(string target) =>
        Should.Throw<UserErrorException>(() => HandshakeTarget.Parse(target)).Message.ShouldContain("is not HOST:PORT");
}
