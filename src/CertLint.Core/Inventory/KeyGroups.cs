using CertLint.Model;

namespace CertLint.Inventory;

/// <summary>
/// Which files are meant to hold a key and its certificate, by name. In one directory, files whose names reduce to the
/// same stem belong together:
/// <list type="bullet">
/// <item>the extension(s) are dropped: client.crt, client.key, client.pem, client.key.pem → client;</item>
/// <item>then one suffix -key/_key/.key, -cert/_cert/.cert, -crt/_crt, -certificate/_certificate, -fullchain/_fullchain:
/// client-key.pem and client-cert.pem → client;</item>
/// <item>conventional names: certbot's privkey.pem with cert.pem and fullchain.pem (not chain.pem, which holds only
/// intermediates), key.pem with cert.pem, private.key with certificate.crt (ZeroSSL/Namecheap style);
/// Kubernetes' tls.crt/tls.key need no rule.</item>
/// </list>
/// Matching is case-insensitive.
/// </summary>
internal static class KeyGroups
{
    private static readonly string[] Extensions = [".pem", ".crt", ".cer", ".cert", ".der", ".key", ".p12", ".pfx", ".p7b", ".p7c", ".txt"];
    private static readonly string[] Suffixes = ["-key", "_key", ".key", "-cert", "_cert", ".cert", "-crt", "_crt", "-certificate", "_certificate", "-fullchain", "_fullchain"];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["privkey"] = "cert",
        ["fullchain"] = "cert",
        ["key"] = "cert",
        ["private"] = "certificate",
    };

    /// <summary>The group of a file: its directory (as given, forward slashes) and its reduced, lower-case stem.</summary>
    public static (string Directory, string Stem) GroupOf(SourceFile file)
    {
        var path = file.RelativePath.Replace('\\', '/');
        var slash = path.LastIndexOf('/');
        var directory = slash < 0 ? "" : path[..slash];
        return (directory, Stem(path[(slash + 1)..]));
    }

    public static string Stem(string fileName)
    {
        // Trimmed as a span and made a string once: every file of a scan has its stem taken (20,000 on the scale corpus).
        var lower = fileName.ToLowerInvariant();
        var stem = lower.AsSpan();
        // Up to two extensions: client.key.pem.
        for (var pass = 0; pass < 2; pass++)
        {
            var ext = LongerEnding(stem, Extensions);
            if (ext < 0) break;
            stem = stem[..^ext];
        }
        var suffix = LongerEnding(stem, Suffixes);
        if (suffix >= 0) stem = stem[..^suffix];
        var result = stem.Length == lower.Length ? lower : stem.ToString();
        return Aliases.GetValueOrDefault(result, result);
    }

    /// <summary>The length of the first of <paramref name="endings"/> that <paramref name="name"/> ends with and is longer than, or -1.</summary>
    private static int LongerEnding(ReadOnlySpan<char> name, string[] endings)
    {
        foreach (var e in endings)
        {
            if (name.Length > e.Length && name.EndsWith(e, StringComparison.Ordinal)) return e.Length;
        }
        return -1;
    }
}
