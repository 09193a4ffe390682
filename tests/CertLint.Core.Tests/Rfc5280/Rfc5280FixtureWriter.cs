using CertLint.Tests.Pki;

namespace CertLint.Tests.Rfc5280;

/// <summary>
/// Writes tests/fixtures/rules/rfc5280/RULE/{fail,pass}/RULE.pem from <see cref="Rfc5280Fixtures"/>. Explicit: run it
/// after changing a fixture (`dotnet test --filter Rfc5280FixtureWriter`) and commit the files; the pack tests read them.
/// </summary>
[TestFixture]
[Explicit("Regenerates committed fixture files")]
public sealed class Rfc5280FixtureWriter
{
    [Test]
    public void WriteFixtures() => PackFixtureFiles.Write("rfc5280", Rfc5280Fixtures.All);
}
