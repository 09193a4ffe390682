using System.Formats.Asn1;
using System.Security.Cryptography;
using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>Accumulates what one file yields and turns exceptions into <see cref="ParseIssue"/>s with clear, secret-free messages.</summary>
internal sealed class Collector(SourceFile file, IPasswordSource passwordSource)
{
    public SourceFile File { get; } = file;
    public FileKind Kind { get; set; }
    public List<CertificateInfo> Certificates { get; } = [];
    public List<KeyInfo> Keys { get; } = [];
    public List<CrlInfo> Crls { get; } = [];
    public KeystoreInfo? Keystore { get; set; }
    public List<ParseIssue> Issues { get; } = [];

    /// <summary>Candidate passwords, looked up (environment, globs) only when something encrypted reads them.</summary>
    public IReadOnlyList<string> Passwords { get; } = new DeferredList<string>(() => passwordSource.CandidatesFor(file));

    /// <summary>Key-derivation iteration counts above this are refused before any derivation.</summary>
    public long MaxKdfIterations => passwordSource.MaxKdfIterations;

    public void Error(SourceLocation location, string message) => Issues.Add(new ParseIssue(ParseIssueKind.ParseError, location, message));

    /// <summary>Runs one parse step; a failure becomes an issue at <paramref name="location"/> and the file's other objects survive.</summary>
    public void Guard(SourceLocation location, string what, Action parse)
    {
        try
        {
            parse();
        }
        catch (KdfLimitException e)
        {
            Issues.Add(new ParseIssue(ParseIssueKind.KdfLimit, location, e.Message));
        }
        catch (DecryptedButCorruptException e)
        {
            Error(location, e.Message);
        }
        catch (PasswordRequiredException e)
        {
            Issues.Add(new ParseIssue(ParseIssueKind.PasswordRequired, location, $"{e.Message}; {passwordSource.HintFor(File)}"));
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException or ArgumentException or FormatException
                                       or OverflowException or InvalidOperationException or NotSupportedException)
        {
            // Exception messages from these parsers describe encodings, never key material or passwords.
            Error(location, $"invalid {what}: {e.Message}");
        }
    }

    /// <summary>The file's yield as exact-size arrays (shared empty ones): every file is kept for the whole run.</summary>
    public ParsedFile ToParsedFile() => new()
    {
        File = File,
        Kind = Kind,
        Certificates = [.. Certificates],
        Keys = [.. Keys],
        Crls = [.. Crls],
        Keystore = Keystore,
        Issues = [.. Issues],
    };
}
