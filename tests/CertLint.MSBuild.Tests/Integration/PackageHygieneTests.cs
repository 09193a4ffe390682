using System.IO.Compression;
using System.Xml.Linq;

namespace CertLint.MSBuild.Tests.Integration;

/// <summary>
/// What every shipped package carries besides code: a README, release notes, the licence expression and the
/// repository commit SourceLink records (so a debugger and a reviewer find the exact sources).
/// </summary>
public partial class PackageTests
{
    [TestCase("CertLint")]
    [TestCase("CertLint.MSBuild")]
    public void Package_has_readme_release_notes_licence_and_source_commit(string id)
    {
        using var package = ZipFile.OpenRead(Package(id));
        var nuspec = XDocument.Load(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var ns = nuspec.Root!.GetDefaultNamespace();
        var metadata = nuspec.Root.Element(ns + "metadata")!;

        var readme = (string?)metadata.Element(ns + "readme");
        readme.ShouldBe("README.md");
        var readmeEntry = package.GetEntry(readme!);
        readmeEntry.ShouldNotBeNull();
        new StreamReader(readmeEntry.Open()).ReadToEnd().ShouldStartWith("# CertLint");

        ((string?)metadata.Element(ns + "releaseNotes")).ShouldNotBeNullOrWhiteSpace();
        ((string?)metadata.Element(ns + "license")).ShouldBe("MIT");
        var repository = metadata.Element(ns + "repository");
        repository.ShouldNotBeNull("SourceLink records the repository in the nuspec");
        ((string?)repository.Attribute("url")).ShouldBe("https://github.com/certlint/certlint");
        ((string?)repository.Attribute("commit") ?? "").ShouldMatch("^[0-9a-f]{40}$");
    }
}
