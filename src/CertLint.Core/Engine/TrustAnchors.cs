using CertLint.Configuration;
using CertLint.Discovery;
using CertLint.Model;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertLint.Parsing;

namespace CertLint.Engine;

/// <summary>The files a lint judges and the anchors its paths may end on.</summary>
/// <param name="Files">The scanned files plus the --ca and --crl files outside the scan, all linted alike.</param>
/// <param name="Anchors">The certificates of the --ca / trust.anchors files (and the system roots when asked for).</param>
internal sealed record TrustInputs(IReadOnlyList<ParsedFile> Files, IReadOnlyList<CertificateInfo> Anchors);

/// <summary>
/// Reads the --ca / trust.anchors files and the --crl / validation.crls files. For a lint they are parsed like scanned
/// files and linted with them (an expired or weak root, a stale CRL is a finding on its own file); a file that yields
/// nothing usable is a parse-error finding, never silently ignored. A path that does not exist is a usage error.
/// </summary>
internal static class TrustAnchors
{
    private const string CaWhat = "a certificate file (PEM, DER or PKCS#7)";
    private const string CrlWhat = "a CRL file (PEM or DER)";

    /// <summary>The files to lint and the anchors: --ca and --crl files join the scan (a file already scanned is not read twice).</summary>
    public static TrustInputs ForLint(LintSettings settings, IPasswordSource passwords, IReadOnlyList<ParsedFile> scanned)
    {
        var files = scanned.ToList();
        var byPath = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++) byPath.TryAdd(files[i].File.FullPath, i);
        ParsedFile Use(string path, string option, string what, Func<ParsedFile, bool> holdsIt)
        {
            var known = byPath.TryGetValue(Path.GetFullPath(path), out var at);
            var parsed = known ? files[at] : Parse(settings, passwords, path, option, what);
            var checkedFile = holdsIt(parsed) || parsed.Issues.Count > 0 ? parsed : WithIssue(parsed, option, what);
            if (known) files[at] = checkedFile;
            else
            {
                byPath[checkedFile.File.FullPath] = files.Count;
                files.Add(checkedFile);
            }
            return checkedFile;
        }
        var anchors = settings.CaFiles.SelectMany(path => Use(path, "--ca", CaWhat, p => p.Certificates.Count > 0).Certificates).ToList();
        foreach (var path in settings.Validation.CrlFiles) Use(path, "--crl", CrlWhat, p => p.Crls.Count > 0);
        if (settings.SystemTrust) anchors.AddRange(SystemRoots());
        return new TrustInputs(files, anchors);
    }

    /// <summary>For hosts that do not lint these files (handshake checks): a file without a certificate is a usage error.</summary>
    public static IReadOnlyList<CertificateInfo> Load(LintSettings settings, IPasswordSource passwords) =>
        [.. settings.CaFiles.SelectMany(path => Strict(settings, passwords, path,
            settings.CaFilesFromConfig ? $"trust.anchors in {SettingsResolver.Display(settings.ConfigFile ?? "", settings.WorkingDirectory)}:" : "--ca", CaWhat, p => p.Certificates, "no certificate in it")),
            .. settings.SystemTrust ? SystemRoots() : []];

    public static IReadOnlyList<CrlInfo> LoadCrls(LintSettings settings, IPasswordSource passwords) =>
        [.. settings.Validation.CrlFiles.SelectMany(path => Strict(settings, passwords, path, "--crl", CrlWhat, p => p.Crls, "no CRL in it"))];

    private static IReadOnlyList<T> Strict<T>(LintSettings settings, IPasswordSource passwords, string path, string option, string what,
        Func<ParsedFile, IReadOnlyList<T>> select, string none)
    {
        var parsed = Parse(settings, passwords, path, option, what);
        var items = select(parsed);
        if (items.Count == 0)
        {
            var why = parsed.Issues.Count > 0 ? parsed.Issues[0].Message : none;
            throw new UserErrorException($"{option} {Shown(settings, path)}: {why}.");
        }
        return items;
    }

    private static ParsedFile Parse(LintSettings settings, IPasswordSource passwords, string path, string option, string what)
    {
        if (Directory.Exists(path)) throw Error(settings, path, option, $"is a folder; name {what}");
        if (!File.Exists(path)) throw Error(settings, path, option, "file not found");
        return FileParser.Parse(FileDiscovery.MakeSourceFile(settings.Root, new FileInfo(path)), passwords);
    }

    /// <summary>Named in the configuration: file:line:column there; on the command line: the option.</summary>
    private static UserErrorException Error(LintSettings settings, string path, string option, string problem) =>
        settings.FileOrigins.TryGetValue(path, out var at)
            ? new ConfigurationException(at.File, at.Line, at.Column, $"{(option == "--ca" ? "'trust.anchors'" : "'validation.crls'")}: {Shown(settings, path)}: {problem}")
            : new UserErrorException($"{option} {Shown(settings, path)}: {problem}.");

    /// <summary>A path as the user wrote it: relative to the current folder.</summary>
    private static string Shown(LintSettings settings, string path) =>
        settings.WorkingDirectory.Length > 0 ? SettingsResolver.Display(path, settings.WorkingDirectory) : path;

    /// <summary>A --ca file without a certificate (or a --crl file without a CRL) that parsed cleanly: say so on the file.</summary>
    private static ParsedFile WithIssue(ParsedFile parsed, string option, string what) => new()
    {
        File = parsed.File,
        Kind = parsed.Kind,
        Certificates = parsed.Certificates,
        Keys = parsed.Keys,
        Crls = parsed.Crls,
        Keystore = parsed.Keystore,
        Issues = [new ParseIssue(ParseIssueKind.ParseError, new SourceLocation(parsed.File),
            $"given with {option} but it is not {what}: nothing in it can be used")],
    };

    /// <summary>The operating system's trusted roots (on Linux, OpenSSL's certificate folder), parsed like a file's.</summary>
    private static List<CertificateInfo> SystemRoots()
    {
        var file = new SourceFile("system trust store", "system trust store", 0, null);
        var roots = new List<CertificateInfo>();
        using var store = new X509Store(StoreName.Root, StoreLocation.LocalMachine);
        try
        {
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
        }
        catch (CryptographicException)
        {
            return roots;
        }
        foreach (var (cert, i) in store.Certificates.Select((c, i) => (c, i)))
        {
            using (cert)
            {
                try
                {
                    roots.Add(CertificateParser.Parse(cert.RawData, new SourceLocation(file, 1, 1, i), ObjectFormat.Der));
                }
                catch (Exception e) when (e is System.Formats.Asn1.AsnContentException or CryptographicException or ArgumentException or FormatException)
                {
                    // A root the parser cannot read anchors nothing; the others still do.
                }
            }
        }
        return roots;
    }
}
