using CertLint.Tests.Pki;

namespace CertLint.Tests.Community;

/// <summary>
/// Writes tests/fixtures/rules/community/RULE/{fail,pass}/RULE.pem from <see cref="CommunityFixtures"/>. Explicit: run it
/// after changing a fixture (`dotnet test --filter CommunityFixtureWriter`) and commit the files; the pack tests read them.
/// </summary>
[TestFixture]
[Explicit("Regenerates committed fixture files")]
public sealed class CommunityFixtureWriter
{
    [Test]
    public void WriteFixtures() => PackFixtureFiles.Write("community", CommunityFixtures.All);
}
