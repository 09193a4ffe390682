using CertLint.Tests.Pki;

namespace CertLint.Tests.RootPrograms;

/// <summary>
/// Writes tests/fixtures/rules/root-programs/RULE/{fail,pass}/RULE.pem from <see cref="RootProgramFixtures"/>. Explicit: run it
/// after changing a fixture (`dotnet test --filter RootProgramFixtureWriter`) and commit the files; the pack tests read them.
/// </summary>
[TestFixture]
[Explicit("Regenerates committed fixture files")]
public sealed class RootProgramFixtureWriter
{
    [Test]
    public void WriteFixtures() => PackFixtureFiles.Write("root-programs", RootProgramFixtures.All);
}
