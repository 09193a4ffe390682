using System.Collections.Concurrent;
using CertLint.Model;

namespace CertLint.Inventory.Signatures;

internal enum SignatureStatus
{
    Valid,
    Invalid,
    /// <summary>CertLint cannot tell: unknown algorithm or unusable key.</summary>
    Unverifiable,
}

/// <summary>The outcome of checking one certificate's signature with one candidate issuer's key.</summary>
internal readonly record struct SignatureCheck(SignatureStatus Status, string? Reason = null)
{
    public bool IsValid => Status == SignatureStatus.Valid;
}

/// <summary>
/// Verifies certificate signatures, each (certificate, issuer key) pair exactly once, and imports each issuer key once.
/// Results depend only on the bytes, so the parallel pre-pass in <see cref="VerifyAll"/> gives the same answers in any order.
/// </summary>
internal sealed class SignatureVerifier
{
    private readonly ConcurrentDictionary<string, Lazy<IssuerKey>> _keys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Certificate, string Key), Lazy<SignatureCheck>> _checks = new();
    private readonly ConcurrentDictionary<string, PublicKeyInfo?> _inherited = new(StringComparer.Ordinal);
    private Func<CertificateInfo, IReadOnlyList<CertificateInfo>>? _issuersOf;
    private int _verifications;
    private int _imports;

    /// <summary>Issuers whose DSA parameters a key without them may inherit: levels above it, and candidates per level.</summary>
    private const int MaxInheritance = 3;
    private const int MaxParents = 16;

    /// <summary>How many signatures were actually verified (for tests: caching works).</summary>
    public int Verifications => _verifications;

    /// <summary>How many issuer keys were imported.</summary>
    public int KeyImports => _imports;

    /// <summary>
    /// Where a DSA issuer key without parameters gets them (RFC 3279 §2.3.2): the candidate issuers of its certificate.
    /// Without it such a key's signatures are unverifiable.
    /// </summary>
    public void InheritDsaParametersFrom(Func<CertificateInfo, IReadOnlyList<CertificateInfo>> issuersOf) => _issuersOf = issuersOf;

    /// <summary>Does <paramref name="issuer"/>'s public key verify <paramref name="certificate"/>'s signature? Cached.</summary>
    public SignatureCheck Check(CertificateInfo certificate, CertificateInfo issuer)
    {
        var check = Check(certificate, issuer.PublicKey);
        // Only a signature that cannot be checked at all looks further: nothing more on the common path.
        return check.Status == SignatureStatus.Unverifiable && DsaParameters.Missing(issuer.PublicKey) && Inherited(issuer, 0) is { } key
            ? Check(certificate, key)
            : check;
    }

    private SignatureCheck Check(CertificateInfo certificate, PublicKeyInfo issuerKey)
    {
        // A lookup first: chain building asks again for every pair the parallel pre-pass verified, and the factory's
        // closure was allocated on every call, found or not.
        var key = (certificate.Sha256, issuerKey.Sha256);
        if (_checks.TryGetValue(key, out var known)) return known.Value;
        return _checks.GetOrAdd(key, static (_, s) => new Lazy<SignatureCheck>(() => s.Verifier.Verify(s.Certificate, s.Key)),
            (Verifier: this, Certificate: certificate, Key: issuerKey)).Value;
    }

    /// <summary>
    /// The key of <paramref name="cert"/> (DSA without parameters) with those of the first DSA issuer whose key, with
    /// its own parameters or inherited ones, verifies the certificate; null when there is none within the bounds.
    /// </summary>
    private PublicKeyInfo? Inherited(CertificateInfo cert, int depth)
    {
        if (_issuersOf is null) return null;
        // Only the outermost answer is kept and looked up: an inner one is cut shorter by the depth bound, and using a
        // kept one there would make the answer depend on which certificate a thread asked about first.
        if (depth == 0 && _inherited.TryGetValue(cert.Sha256, out var known)) return known;
        PublicKeyInfo? result = null;
        if (depth < MaxInheritance)
        {
            foreach (var parent in _issuersOf(cert).Where(p => p.PublicKey.Algorithm == KeyAlgorithm.Dsa && !ReferenceEquals(p, cert)).Take(MaxParents))
            {
                var parentKey = DsaParameters.Missing(parent.PublicKey) ? Inherited(parent, depth + 1) : parent.PublicKey;
                if (parentKey is null || !Check(cert, parentKey).IsValid) continue;
                result = DsaParameters.Inherit(cert.PublicKey, parentKey);
                break;
            }
        }
        if (depth == 0) _inherited.TryAdd(cert.Sha256, result);
        return result;
    }

    /// <summary>Verifies all the pairs in parallel so later <see cref="Check"/> calls are lookups.</summary>
    public void VerifyAll(IReadOnlyList<(CertificateInfo Certificate, CertificateInfo Issuer)> pairs)
    {
        Engine.Workers.For(pairs.Count, i => Check(pairs[i].Certificate, pairs[i].Issuer));
    }

    /// <summary>Does <paramref name="issuer"/>'s key verify a CRL's signature? Cached per (CRL, key).</summary>
    public SignatureCheck CheckCrl(CrlInfo crl, CertificateInfo issuer)
    {
        var check = CheckCrl(crl, issuer.PublicKey);
        return check.Status == SignatureStatus.Unverifiable && DsaParameters.Missing(issuer.PublicKey) && Inherited(issuer, 0) is { } key
            ? CheckCrl(crl, key)
            : check;
    }

    private SignatureCheck CheckCrl(CrlInfo crl, PublicKeyInfo issuerKey) => crl.Signature is not { } signature
        ? new SignatureCheck(SignatureStatus.Unverifiable, "the CRL has no signature")
        : _checks.GetOrAdd(("crl:" + crl.Location + ":" + crl.Location.Index, issuerKey.Sha256),
            _ => new Lazy<SignatureCheck>(() => Verify(crl.Tbs, signature, issuerKey))).Value;

    private SignatureCheck Verify(CertificateInfo certificate, PublicKeyInfo issuerKey) =>
        AlgorithmAgreement.Problem(certificate) is { } mismatch
            ? new SignatureCheck(SignatureStatus.Invalid, mismatch)
            : Verify(certificate.TbsRaw, certificate.Signature, issuerKey);

    private SignatureCheck Verify(ReadOnlyMemory<byte> signed, SignatureInfo signature, PublicKeyInfo issuerKey)
    {
        var scheme = SignatureScheme.From(signature, out var unsupported);
        if (scheme is null) return new SignatureCheck(SignatureStatus.Unverifiable, unsupported);
        var key = _keys.GetOrAdd(issuerKey.Sha256, _ => new Lazy<IssuerKey>(() =>
        {
            Interlocked.Increment(ref _imports);
            return IssuerKey.Import(issuerKey);
        })).Value;
        if (!key.Accepts(scheme))
        {
            return new SignatureCheck(SignatureStatus.Invalid, $"a {signature.AlgorithmName} signature cannot come from a {issuerKey.Label} key");
        }
        Interlocked.Increment(ref _verifications);
        try
        {
            return key.Verify(signed.Span, signature.Value.Span, scheme)
                ? new SignatureCheck(SignatureStatus.Valid)
                : new SignatureCheck(SignatureStatus.Invalid, "the signature does not verify");
        }
        catch (NotSupportedException e)
        {
            return new SignatureCheck(SignatureStatus.Unverifiable, e.Message);
        }
        catch (Exception e)
        {
            // Never crash on input: whatever a hostile key or signature does to a crypto library, the run goes on.
            return new SignatureCheck(SignatureStatus.Unverifiable, $"verification failed ({e.GetType().Name})");
        }
    }
}
