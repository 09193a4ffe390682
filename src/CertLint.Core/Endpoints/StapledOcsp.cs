using System.Globalization;
using CertLint.Model;
using Org.BouncyCastle.Ocsp;
using Org.BouncyCastle.X509;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace CertLint.Endpoints;

/// <summary>
/// The OCSP response a server stapled (status_request), as far as it speaks about the server's leaf: its status (good,
/// revoked, unknown, or invalid when it is no usable answer about that certificate), its thisUpdate and nextUpdate, and
/// whether its signature verifies as RFC 6960 §4.2.2.2 asks (by the leaf's issuer, or by a responder certificate that
/// issuer signed for id-kp-OCSPSigning). Facts only; the tls-ocsp-* rules judge them against the run's time.
/// </summary>
internal sealed record StapledOcsp(string Status, string Summary, DateTimeOffset? ThisUpdate, DateTimeOffset? NextUpdate, bool? SignatureValid)
{
    /// <summary>Responder certificates tried per response: a staple is the server's to fill, so the search is bounded.</summary>
    private const int MaxResponderCertificates = 8;

    /// <summary>
    /// The most of a staple read: the TLS client's bound on one handshake message (ProbeTlsClient, 512 KB), which holds
    /// the staple, so only a host that skips that bound meets this one. Honest staples are a few KB; BouncyCastle's
    /// reading of a staple nested to the last byte grows faster than its size (130,000 levels in 512 KB: about a second).
    /// </summary>
    public const int MaxStapleBytes = 512 * 1024;

    private const string OcspSigning = "1.3.6.1.5.5.7.3.9";

    /// <param name="issuer">The leaf's issuer on its path (null: unknown, and the signature is not judged).</param>
    public static StapledOcsp Read(byte[] staple, CertificateInfo leaf, CertificateInfo? issuer)
    {
        if (staple.Length > MaxStapleBytes)
        {
            return Invalid(string.Create(CultureInfo.InvariantCulture, $"a response of {staple.Length:N0} bytes, more than CertLint reads ({MaxStapleBytes / 1024} KB, its bound on one TLS handshake message)"));
        }
        try
        {
            return Decode(staple, leaf, issuer);
        }
        catch (Exception e) when (IsDecodeFailure(e))
        {
            return Invalid("a response that does not decode");
        }
    }

    private static StapledOcsp Decode(byte[] staple, CertificateInfo leaf, CertificateInfo? issuer)
    {
        // The leaf's serial as hex (a serial of no octets, which the rfc5280 pack reports, reads as none).
        var serial = new BcBigInteger(leaf.SerialNumber, 16);
        var ocsp = new OcspResp(staple);
        if (ocsp.Status != OcspRespStatus.Successful) return Invalid($"responder status {ocsp.Status} (not successful)");
        if (ocsp.GetResponseObject() is not BasicOcspResp basic) return Invalid("a response of an unknown type");
        var single = basic.Responses.FirstOrDefault(r => r.GetCertID().SerialNumber.Equals(serial));
        if (single is null) return Invalid("a response about another certificate than the server's");
        var thisUpdate = new DateTimeOffset(DateTime.SpecifyKind(single.ThisUpdate, DateTimeKind.Utc));
        DateTimeOffset? nextUpdate = single.NextUpdate is { } next ? new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc)) : null;
        var signature = issuer is null ? (bool?)null : SignedForIssuer(basic, issuer);
        var window = $"this update {thisUpdate:yyyy-MM-dd HH:mm} UTC, next update {(nextUpdate is { } n ? $"{n:yyyy-MM-dd HH:mm} UTC" : "none")}";
        var signed = signature switch
        {
            true => "signature verified",
            false => "signature does not verify with the issuer's key or a responder it certified",
            null => "signature not checked (issuer unknown)",
        };
        var detail = $"{window}, {signed}";
        return single.GetCertStatus() switch
        {
            null => new("good", $"good, {detail}", thisUpdate, nextUpdate, signature),
            RevokedStatus revoked => new("revoked", $"revoked on {revoked.RevocationTime:yyyy-MM-dd HH:mm} UTC, {detail}", thisUpdate, nextUpdate, signature),
            _ => new("unknown", $"unknown to the responder, {detail}", thisUpdate, nextUpdate, signature),
        };
    }

    private static StapledOcsp Invalid(string why) => new("invalid", why, null, null, null);

    /// <summary>Signed by the issuer's key, or by a responder certificate in the response that the issuer signed and that has id-kp-OCSPSigning.</summary>
    private static bool SignedForIssuer(BasicOcspResp basic, CertificateInfo issuer)
    {
        try
        {
            var issuerKey = new X509CertificateParser().ReadCertificate(issuer.Raw.ToArray()).GetPublicKey();
            if (basic.Verify(issuerKey)) return true;
            foreach (var responder in basic.GetCerts().Take(MaxResponderCertificates))
            {
                if (Certified(responder, issuerKey) && responder.GetExtendedKeyUsage()?.Any(p => p.Id == OcspSigning) == true
                    && basic.Verify(responder.GetPublicKey()))
                {
                    return true;
                }
            }
            return false;
        }
        catch (Exception e) when (IsDecodeFailure(e))
        {
            return false;
        }
    }

    private static bool Certified(X509Certificate responder, Org.BouncyCastle.Crypto.AsymmetricKeyParameter issuerKey)
    {
        try
        {
            responder.Verify(issuerKey);
            return true;
        }
        catch (Exception e) when (IsDecodeFailure(e))
        {
            return false;
        }
    }

    /// <summary>
    /// BouncyCastle throws many unrelated types on bytes it cannot read or verify (IOException, ArgumentException,
    /// InvalidCastException, OcspException, SignatureException...); a staple is the server's to fill, so any of them
    /// means "does not decode" or "does not verify", never a crash.
    /// </summary>
    private static bool IsDecodeFailure(Exception e) => e is not OutOfMemoryException and not OperationCanceledException;
}
