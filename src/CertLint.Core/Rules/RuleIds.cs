namespace CertLint.Rules;

/// <summary>
/// Every built-in rule's id and name, in one place. The ids are stable codes (MSBuild error codes, SARIF ruleIds);
/// the names are a public contract. A test checks that rules/*.yml agree with this table.
/// Ranges: CL00xx input, CL01xx validity, CL02xx usage, CL03xx keys and algorithms, CL04xx chains, CL05xx names, CL06xx TLS handshake, CL07xx TLS configurations in the repository.
/// </summary>
public static class RuleIds
{
    public static readonly IReadOnlyDictionary<string, string> BuiltIn = new Dictionary<string, string>
    {
        ["CL0001"] = "parse-error",
        ["CL0002"] = "password-required",
        ["CL0003"] = "key-derivation-limit",
        ["CL0101"] = "cert-expired",
        ["CL0102"] = "cert-not-yet-valid",
        ["CL0103"] = "cert-expiring-soon",
        ["CL0104"] = "validity-too-long",
        ["CL0201"] = "eku-client-auth",
        ["CL0202"] = "eku-server-auth",
        ["CL0203"] = "eku-missing",
        ["CL0301"] = "key-mismatch",
        ["CL0302"] = "key-file-permissions",
        ["CL0303"] = "weak-key",
        ["CL0304"] = "weak-signature",
        ["CL0310"] = "private-key-committed",
        ["CL0311"] = "keystore-weak-protection",
        ["CL0312"] = "keystore-no-password",
        ["CL0320"] = "key-orphan",
        ["CL0330"] = "weak-key-roca",
        ["CL0331"] = "weak-key-fermat",
        ["CL0332"] = "weak-key-small-factor",
        ["CL0333"] = "weak-key-shared-prime",
        ["CL0334"] = "weak-key-rsa-even-modulus",
        ["CL0335"] = "weak-key-rsa-exponent",
        ["CL0336"] = "weak-key-rsa-exponent-small",
        ["CL0337"] = "ec-key-invalid",
        ["CL0338"] = "key-known-compromised",
        ["CL0339"] = "key-exposed-public-cert",
        ["CL0401"] = "chain-incomplete",
        ["CL0402"] = "chain-invalid",
        ["CL0403"] = "chain-order",
        ["CL0404"] = "self-signed-leaf",
        ["CL0405"] = "name-constraints-violated",
        ["CL0406"] = "unknown-critical-extension",
        ["CL0407"] = "issuer-not-ca",
        ["CL0408"] = "path-length-exceeded",
        ["CL0409"] = "cert-revoked",
        ["CL0410"] = "crl-stale",
        ["CL0411"] = "crl-invalid",
        ["CL0412"] = "policy-not-satisfied",
        ["CL0413"] = "leaf-is-ca",
        ["CL0414"] = "chain-too-deep",
        ["CL0501"] = "san-missing",
        ["CL0502"] = "hostname-mismatch",
        ["CL0503"] = "cn-not-in-san",
        ["CL0600"] = "tls-session",
        ["CL0601"] = "tls-connect-failed",
        ["CL0602"] = "tls-handshake-failed",
        ["CL0603"] = "tls-server-chain-incomplete",
        ["CL0608"] = "tls-client-cert-not-requested",
        ["CL0609"] = "tls-client-ca-not-accepted",
        ["CL0610"] = "tls-client-cert-rejected",
        ["CL0611"] = "tls-client-cert-required",
        ["CL0612"] = "tls-client-cert-unusable",
        ["CL0700"] = "role-unknown",
        ["CL0701"] = "config-file-missing",
        ["CL0702"] = "config-file-external",
        ["CL0703"] = "config-key-mismatch",
        ["CL0704"] = "peer-not-verified",
        ["CL0705"] = "tls-version-weak",
        ["CL0706"] = "tls13-not-allowed",
        ["CL0707"] = "mtls-client-ca-mismatch",
        ["CL0708"] = "config-host-mismatch",
        ["CL0709"] = "cert-manager-renewal",
        ["CL0710"] = "cert-manager-weak-key",
        ["CL0711"] = "config-password-literal",
        ["CL0613"] = "tls-protocol-obsolete",
        ["CL0614"] = "tls-no-forward-secrecy",
        ["CL0615"] = "tls-legacy-version-accepted",
        ["CL0616"] = "tls-ocsp-revoked",
        ["CL0617"] = "tls-ocsp-stapled",
    };

    public const string ParseError = "CL0001";
    public const string PasswordRequired = "CL0002";
    public const string CertExpired = "CL0101";
    public const string CertNotYetValid = "CL0102";
    public const string CertExpiringSoon = "CL0103";
    public const string ValidityTooLong = "CL0104";
    public const string EkuClientAuth = "CL0201";
    public const string EkuServerAuth = "CL0202";
    public const string EkuMissing = "CL0203";
    public const string KeyMismatch = "CL0301";
    public const string KeyFilePermissions = "CL0302";
    public const string WeakKey = "CL0303";
    public const string WeakSignature = "CL0304";
    public const string ChainIncomplete = "CL0401";
    public const string ChainInvalid = "CL0402";
    public const string ChainOrder = "CL0403";
    public const string SelfSignedLeaf = "CL0404";
    public const string NameConstraintsViolated = "CL0405";
    public const string UnknownCriticalExtension = "CL0406";
    public const string IssuerNotCa = "CL0407";
    public const string PathLengthExceeded = "CL0408";
    public const string CertRevoked = "CL0409";
    public const string CrlStale = "CL0410";
    public const string CrlInvalid = "CL0411";
    public const string PolicyNotSatisfied = "CL0412";
    public const string LeafIsCa = "CL0413";
    public const string ChainTooDeep = "CL0414";
    public const string SanMissing = "CL0501";
    public const string HostnameMismatch = "CL0502";
    public const string CnNotInSan = "CL0503";
    public const string TlsSession = "CL0600";
    public const string TlsConnectFailed = "CL0601";
    public const string TlsHandshakeFailed = "CL0602";
    public const string ServerChainIncomplete = "CL0603";
    public const string ClientCertNotRequested = "CL0608";
    public const string ClientCaNotAccepted = "CL0609";
    public const string ClientCertRejected = "CL0610";
    public const string ClientCertRequired = "CL0611";
    public const string ClientCertUnusable = "CL0612";
    public const string TlsProtocolObsolete = "CL0613";
    public const string TlsNoForwardSecrecy = "CL0614";
    public const string TlsLegacyVersionAccepted = "CL0615";
    public const string TlsOcspRevoked = "CL0616";
    public const string TlsOcspStapled = "CL0617";

    /// <summary>Base of every rule's documentation link; the page is rules/NAME.md.</summary>
    public const string HelpBase = "https://github.com/certlint/certlint/blob/main/rules/";

    /// <summary>A built-in rule's documentation page: rules/NAME.md for pack core, rules/PACK/NAME.md otherwise.</summary>
    public static string HelpUri(string pack, string name) =>
        HelpBase + (pack == Loading.RuleMetadataReader.CorePack ? name : $"{pack}/{name}") + ".md";
}
