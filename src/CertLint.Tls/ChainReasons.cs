using System.Security.Cryptography.X509Certificates;

namespace CertLint.Tls;

/// <summary>CertLint's words for why the loopback server refused a client chain (X509ChainStatusFlags), one per cause.</summary>
internal static class ChainReasons
{
    public static IEnumerable<string> Describe(X509ChainStatusFlags flags)
    {
        if ((flags & (X509ChainStatusFlags.PartialChain | X509ChainStatusFlags.UntrustedRoot)) != 0)
            yield return "the client's certificate does not chain to a CA in the server's CA file";
        if ((flags & (X509ChainStatusFlags.NotTimeValid | X509ChainStatusFlags.NotTimeNested)) != 0)
            yield return "a certificate in the client's chain is expired or not yet valid";
        if ((flags & X509ChainStatusFlags.NotValidForUsage) != 0)
            yield return "the client certificate's extendedKeyUsage does not allow clientAuth";
        if ((flags & X509ChainStatusFlags.NotSignatureValid) != 0)
            yield return "a signature in the client's chain does not verify";
        if ((flags & X509ChainStatusFlags.InvalidBasicConstraints) != 0)
            yield return "an issuer in the client's chain is not a CA";
        if ((flags & X509ChainStatusFlags.Revoked) != 0)
            yield return "a certificate in the client's chain is revoked";
    }
}
