
namespace CertLint.Handshake.Tests;

/// <summary>Base of fixtures that share one test PKI, made once per fixture and deleted after it.</summary>
public abstract class PkiFixture
{
    internal Pki Pki { get; private set; } = null!;

    [OneTimeSetUp]
    public void MakePki() => Pki = new Pki();

    [OneTimeTearDown]
    public void RemovePki() => Pki.Dispose();
}
