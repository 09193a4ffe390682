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
    private int _verifications;
    private int _imports;

    /// <summary>How many signatures were actually verified (for tests: caching works).</summary>
    public int Verifications => _verifications;

    /// <summary>How many issuer keys were imported.</summary>
    public int KeyImports => _imports;

    /// <summary>Does <paramref name="issuer"/>'s public key verify <paramref name="certificate"/>'s signature? Cached.</summary>
    public SignatureCheck Check(CertificateInfo certificate, CertificateInfo issuer) =>
        _checks.GetOrAdd((certificate.Sha256, issuer.PublicKey.Sha256), _ => new Lazy<SignatureCheck>(() => Verify(certificate, issuer.PublicKey))).Value;

    /// <summary>Verifies all the pairs in parallel so later <see cref="Check"/> calls are lookups.</summary>
    public void VerifyAll(IReadOnlyList<(CertificateInfo Certificate, CertificateInfo Issuer)> pairs)
    {
        Engine.Workers.For(pairs.Count, i => Check(pairs[i].Certificate, pairs[i].Issuer));
    }

    /// <summary>Does <paramref name="issuer"/>'s key verify a CRL's signature? Cached per (CRL, key).</summary>
    public SignatureCheck CheckCrl(CrlInfo crl, CertificateInfo issuer) => crl.Signature is not { } signature
        ? new SignatureCheck(SignatureStatus.Unverifiable, "the CRL has no signature")
        : _checks.GetOrAdd(("crl:" + crl.Location + ":" + crl.Location.Index, issuer.PublicKey.Sha256),
            _ => new Lazy<SignatureCheck>(() => Verify(crl.Tbs, signature, issuer.PublicKey))).Value;

    private SignatureCheck Verify(CertificateInfo certificate, PublicKeyInfo issuerKey) =>
        Verify(certificate.TbsRaw, certificate.Signature, issuerKey);

    private SignatureCheck Verify(ReadOnlyMemory<byte> signed, SignatureInfo signature, PublicKeyInfo issuerKey)
    {
        var scheme = SignatureScheme.From(signature, out var unsupported);
        if (scheme is null) return new SignatureCheck(SignatureStatus.Unverifiable, unsupported);
        var key = _keys.GetOrAdd(issuerKey.Sha256, _ => new Lazy<IssuerKey>(() =>
        {
            Interlocked.Increment(ref _imports);
            return IssuerKey.Import(issuerKey);
        })).Value;
        if (!key.Accepts(scheme.Kind))
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
