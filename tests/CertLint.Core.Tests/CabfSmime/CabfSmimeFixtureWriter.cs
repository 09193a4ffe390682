using CertLint.Tests.Pki;

namespace CertLint.Tests.CabfSmime;

/// <summary>
/// Writes tests/fixtures/rules/cabf-smime/RULE/{fail,pass}/RULE.pem from <see cref="CabfSmimeFixtures"/>. Explicit: run it
/// after changing a fixture (`dotnet test --filter CabfSmimeFixtureWriter`) and commit the files; the pack tests read them.
/// </summary>
[TestFixture]
[Explicit("Regenerates committed fixture files")]
public sealed class CabfSmimeFixtureWriter
{
    [Test]
    public void WriteFixtures() => PackFixtureFiles.Write("cabf-smime", CabfSmimeFixtures.All);
}
