using CertLint.Tests.Pki;

namespace CertLint.Tests.Etsi;

/// <summary>
/// Writes tests/fixtures/rules/etsi/RULE/{fail,pass}/RULE.pem from <see cref="EtsiFixtures"/>. Explicit: run it after
/// changing a fixture (`dotnet test --filter EtsiFixtureWriter`) and commit the files; the pack tests read them.
/// </summary>
[TestFixture]
[Explicit("Regenerates committed fixture files")]
public sealed class EtsiFixtureWriter
{
    [Test]
    public void WriteFixtures() => PackFixtureFiles.Write("etsi", EtsiFixtures.All);
}
