using CertLint.Tests.Pki;

namespace CertLint.Tests.CabfCs;

/// <summary>
/// Writes tests/fixtures/rules/cabf-cs/RULE/{fail,pass}/RULE.pem from <see cref="CabfCsFixtures"/>. Explicit: run it
/// after changing a fixture (`dotnet test --filter CabfCsFixtureWriter`) and commit the files; the pack tests read them.
/// </summary>
[TestFixture]
[Explicit("Regenerates committed fixture files")]
public sealed class CabfCsFixtureWriter
{
    [Test]
    public void WriteFixtures() => PackFixtureFiles.Write("cabf-cs", CabfCsFixtures.All);
}
