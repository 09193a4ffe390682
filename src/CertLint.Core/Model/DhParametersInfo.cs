using System.Numerics;

namespace CertLint.Model;

/// <summary>
/// Finite-field Diffie-Hellman domain parameters (a server's dhparam file: nginx ssl_dhparam, Apache
/// SSLOpenSSLConfCmd DHParameters, HAProxy ssl-dh-param-file, OpenVPN dh): PKCS#3 "DH PARAMETERS" (p, g) or X9.42
/// "X9.42 DH PARAMETERS" (p, g, q). Public numbers, kept whole: the rules test their size and structure.
/// </summary>
public sealed record DhParametersInfo(SourceLocation Location, BigInteger P, BigInteger G, BigInteger? Q)
{
    /// <summary>Bit length of the prime p.</summary>
    public int Bits => (int)P.GetBitLength();

    /// <summary>The public value y of the key these parameters came with (a DH public key or certificate); null for a parameter file or a private key.</summary>
    public BigInteger? PublicValue { get; init; }

    /// <summary>"PKCS#3" or "X9.42": which encoding the file used.</summary>
    public string Encoding => Q is null ? "PKCS#3" : "X9.42";
}
