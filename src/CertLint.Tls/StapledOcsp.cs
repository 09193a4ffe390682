using Org.BouncyCastle.Ocsp;

namespace CertLint.Tls;

/// <summary>The OCSP response a server stapled (status_request), as far as it speaks about the server's leaf: good, revoked, unknown or invalid.</summary>
public sealed record StapledOcsp(string Status, string Summary)
{
    public bool Revoked => Status == "revoked";

    /// <summary>
    /// Reads the stapled response for the leaf with <paramref name="leafSerial"/>: good, revoked (with the time) or
    /// unknown, and when it was produced. A response that is not "successful" or names another certificate says so.
    /// (Its signature is not verified here: a staple is the server's claim, and only "revoked" raises an error.)
    /// </summary>
    public static StapledOcsp Read(Org.BouncyCastle.Asn1.Ocsp.OcspResponse response, Org.BouncyCastle.Math.BigInteger leafSerial)
    {
        var ocsp = new OcspResp(response);
        if (ocsp.Status != OcspRespStatus.Successful) return new("invalid", $"responder status {ocsp.Status} (not successful)");
        if (ocsp.GetResponseObject() is not BasicOcspResp basic) return new("invalid", "a response of an unknown type");
        var single = basic.Responses.FirstOrDefault(r => r.GetCertID().SerialNumber.Equals(leafSerial));
        if (single is null) return new("invalid", "a response about another certificate than the server's");
        var produced = $"produced {basic.ProducedAt:yyyy-MM-dd HH:mm} UTC";
        return single.GetCertStatus() switch
        {
            null => new("good", $"good, {produced}"),
            RevokedStatus revoked => new("revoked", $"revoked on {revoked.RevocationTime:yyyy-MM-dd HH:mm} UTC, {produced}"),
            _ => new("unknown", $"unknown to the responder, {produced}"),
        };
    }
}
