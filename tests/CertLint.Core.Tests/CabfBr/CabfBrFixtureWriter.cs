using CertLint.Tests.Pki;

namespace CertLint.Tests.CabfBr;

/// <summary>
/// Writes tests/fixtures/rules/cabf-br/RULE/{fail,pass}/RULE.pem from <see cref="CabfBrFixtures"/>. Explicit: run it
/// after changing a fixture (`dotnet test --filter CabfBrFixtureWriter`) and commit the files; the pack tests read them.
/// </summary>
[TestFixture]
[Explicit("Regenerates committed fixture files")]
public sealed class CabfBrFixtureWriter
{
    [Test]
    public void WriteFixtures() => PackFixtureFiles.Write("cabf-br", CabfBrFixtures.All);
}
