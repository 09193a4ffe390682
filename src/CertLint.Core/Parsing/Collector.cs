using System.Formats.Asn1;
using System.Security.Cryptography;
using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>Accumulates what one file yields and turns exceptions into <see cref="ParseIssue"/>s with clear, secret-free messages.</summary>
/// <param name="deferKdf">In the parallel pass: a key derivation defers the file (<see cref="KdfMeter"/>), as does key
/// arithmetic past the file's allowance (<see cref="ArithmeticMeter"/>).</param>
internal sealed class Collector(SourceFile file, IPasswordSource passwordSource, bool deferKdf = false)
{
    public SourceFile File { get; } = file;
    public FileKind Kind { get; set; }
    private List<CertificateInfo>? _certificates;
    private List<KeyInfo>? _keys;
    private List<CrlInfo>? _crls;
    private List<SecretKeyInfo>? _secretKeys;
    private List<DhParametersInfo>? _dhParameters;
    private List<ParseIssue>? _issues;
    private IReadOnlyList<string>? _passwords;
    private KdfMeter? _kdf;

    // Made on first use: most files yield one object of one kind, and every file has a collector.
    public List<CertificateInfo> Certificates => _certificates ??= [];
    public List<KeyInfo> Keys => _keys ??= [];
    public List<CrlInfo> Crls => _crls ??= [];
    public List<SecretKeyInfo> SecretKeys => _secretKeys ??= [];
    public List<DhParametersInfo> DhParameters => _dhParameters ??= [];
    public KeystoreInfo? Keystore { get; set; }
    public List<ParseIssue> Issues => _issues ??= [];

    /// <summary>A step needed a key derivation in the parallel pass: this yield is dropped and the file parsed again in order.</summary>
    public bool Deferred { get; private set; }

    /// <summary>Candidate passwords, looked up (environment, globs) only when something encrypted reads them.</summary>
    public IReadOnlyList<string> Passwords => _passwords ??= new DeferredList<string>(() => passwordSource.CandidatesFor(File));

    /// <summary>Checks and pays for key derivations; made only when something encrypted needs one.</summary>
    public KdfMeter Kdf => _kdf ??= deferKdf
        ? KdfMeter.Deferring(passwordSource.MaxKdfIterations)
        : KdfMeter.Paying(passwordSource.MaxKdfIterations, passwordSource.KdfBudget);

    /// <summary>Set for content embedded in another file's text (a manifest's base64 value): every object is reported at these lines.</summary>
    public LineSpan? Pin { get; init; }

    /// <summary>
    /// Where an object read from lines <paramref name="start"/>-<paramref name="end"/> of the content (binary content:
    /// line 1) is reported. Under a <see cref="Pin"/> the lines are the pin's, and <paramref name="ordinal"/> keeps the
    /// content's blocks distinct objects.
    /// </summary>
    public SourceLocation At(int start = 1, int end = 1, int ordinal = 0) => Pin is { } pin
        ? new SourceLocation(File, pin.Start, pin.End, ordinal)
        : new SourceLocation(File, start, end);

    /// <summary><see cref="At"/> for objects told apart by their place in the content whatever their lines (the JWKs of a set written on one line).</summary>
    public SourceLocation AtIndexed(int start, int end, int index) => At(start, end, index) with { Index = index };

    public void Error(SourceLocation location, string message) => Issues.Add(new ParseIssue(ParseIssueKind.ParseError, location, message));

    /// <summary>Runs one parse step; a failure becomes an issue at <paramref name="location"/> and the file's other objects survive.</summary>
    public void Guard(SourceLocation location, string what, Action parse) =>
        Guard(location, what, "", parse, static parse => parse());

    /// <summary>
    /// <see cref="Guard(SourceLocation, string, Action)"/> for the per-block hot path: <paramref name="state"/> goes to a
    /// static <paramref name="parse"/> (no closure), and the step's name, <paramref name="what"/> + <paramref name="suffix"/>,
    /// is only joined for an issue's message.
    /// </summary>
    public void Guard<TState>(SourceLocation location, string what, string suffix, TState state, Action<TState> parse)
    {
        try
        {
            parse(state);
        }
        catch (ParseDeferredException)
        {
            Deferred = true; // the step's finally blocks have run (key bytes zeroed); the ordered pass parses the file again
        }
        catch (KdfLimitException e)
        {
            Issues.Add(new ParseIssue(ParseIssueKind.KdfLimit, location, e.Message));
        }
        catch (ArithmeticLimitException e)
        {
            Issues.Add(new ParseIssue(ParseIssueKind.ArithmeticLimit, location, e.Message));
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
            // Exception messages from these parsers describe encodings, never key material or passwords. The finding's
            // message adds its own full stop after the problem.
            Error(location, $"invalid {what}{suffix}: {e.Message.TrimEnd('.', ' ')}");
        }
    }

    /// <summary>
    /// The parameter sets of the file and, after them, those of its Diffie-Hellman keys and certificates: a DH key is
    /// only as strong as its group, judged once by the parameter rules whatever carries it.
    /// </summary>
    private List<DhParametersInfo>? WithKeyParameters()
    {
        // Plain loops, and a new list only when a DH key is there: this runs for every file, and almost none holds one.
        List<DhParametersInfo>? all = _dhParameters;
        void Add(PublicKeyInfo? key, SourceLocation at)
        {
            if (key is not { Algorithm: KeyAlgorithm.Dh } || DhKeys.OfPublicKey(key, at) is not { } parameters) return;
            if (ReferenceEquals(all, _dhParameters)) all = [.. _dhParameters ?? []];
            all!.Add(parameters);
        }
        if (_keys is not null)
        {
            foreach (var k in _keys) Add(k.PublicKey, k.Location);
        }
        if (_certificates is not null)
        {
            foreach (var c in _certificates) Add(c.PublicKey, c.Location);
        }
        return all;
    }

    public bool HasIssues => _issues is { Count: > 0 };

    /// <summary>Whether anything was read: a certificate, key, CRL, keystore, secret key or DH parameters.</summary>
    public bool YieldedAny => _certificates is { Count: > 0 } || _keys is { Count: > 0 } || _crls is { Count: > 0 } || Keystore is not null
                              || _secretKeys is { Count: > 0 } || _dhParameters is { Count: > 0 };

    /// <summary>
    /// The file's yield as exact-size arrays (shared empty ones): every file is kept for the whole run. Arrays, not
    /// collection expressions: <c>[.. list]</c> typed as a read-only list wraps its array in a second object.
    /// </summary>
    public ParsedFile ToParsedFile() => new()
    {
        File = File,
        Kind = Kind,
        Certificates = KeptList.Of(_certificates),
        Keys = KeptList.Of(_keys),
        Crls = KeptList.Of(_crls),
        Keystore = Keystore,
        SecretKeys = KeptList.Of(_secretKeys),
        DhParameters = KeptList.Of(WithKeyParameters()),
        Issues = KeptList.Of(_issues),
    };
}
