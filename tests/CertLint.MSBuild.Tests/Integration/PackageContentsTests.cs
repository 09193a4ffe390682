using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace CertLint.MSBuild.Tests.Integration;

/// <summary>
/// What the packed CertLint.MSBuild package carries: the task and Core, never the TLS project nor TLS networking in
/// Core (a build never opens a socket). The tool package, by contrast, needs CertLint.Tls for `certlint handshake`.
/// </summary>
public partial class PackageTests
{
    [Test]
    public void MSBuild_package_contains_no_TLS_code()
    {
        using var package = ZipFile.OpenRead(Package("CertLint.MSBuild"));
        var assemblies = package.Entries.Where(e => e.FullName.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).ToList();

        assemblies.Select(e => e.Name).ShouldContain("CertLint.Core.dll");
        assemblies.Select(e => e.Name).ShouldNotContain("CertLint.Tls.dll");
        foreach (var entry in assemblies.Where(e => e.Name.StartsWith("CertLint.", StringComparison.Ordinal)))
        {
            var (namespaces, references) = Metadata(entry);
            namespaces.ShouldNotContain(n => n.StartsWith("CertLint.Tls", StringComparison.Ordinal), entry.FullName);
            // No sockets, no TLS stack: the types a handshake needs are not even referenced.
            references.ShouldNotContain(r => r.StartsWith("System.Net.Sockets.", StringComparison.Ordinal)
                || r.StartsWith("System.Net.Security.", StringComparison.Ordinal)
                || r.StartsWith("Org.BouncyCastle.Tls.", StringComparison.Ordinal), entry.FullName);
        }
    }

    [Test]
    public void Tool_package_carries_the_TLS_project()
    {
        using var package = ZipFile.OpenRead(Package("CertLint"));
        package.Entries.Select(e => e.Name).ShouldContain("CertLint.Tls.dll");
    }

    private string Package(string id) => Path.Combine(feed.Feed, $"{id}.{feed.Version}.nupkg");

    /// <summary>The namespaces an assembly defines and the full names of the types it references.</summary>
    private static (List<string> Namespaces, List<string> References) Metadata(ZipArchiveEntry entry)
    {
        using var buffer = new MemoryStream();
        using (var stream = entry.Open()) stream.CopyTo(buffer);
        buffer.Position = 0;
        using var pe = new PEReader(buffer);
        var reader = pe.GetMetadataReader();
        var namespaces = reader.TypeDefinitions.Select(h => reader.GetString(reader.GetTypeDefinition(h).Namespace)).Distinct().ToList();
        var references = reader.TypeReferences.Select(h => reader.GetTypeReference(h))
            .Select(t => $"{reader.GetString(t.Namespace)}.{reader.GetString(t.Name)}").Distinct().ToList();
        return (namespaces, references);
    }
}
