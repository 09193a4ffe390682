namespace CertLint.Configuration;

/// <summary>
/// RFC 5280 §6.1.1 inputs and search bounds for path validation: `validation` in .certlint.yml, --policy,
/// --max-chain-depth and --crl on the command line (see docs/chains.md).
/// </summary>
public sealed record ValidationSettings
{
    public const int DefaultMaxChainDepth = 8;
    public const string AnyPolicy = "2.5.29.32.0";
    /// <summary>Upper bound of maxChainDepth: the search is bounded whatever the configuration says.</summary>
    public const int MaxMaxChainDepth = 64;

    /// <summary>A dotted OID such as 2.23.140.1.2.1.</summary>
    public static bool IsOid(string text) =>
        text.Length is > 2 and < 256 && text.Split('.') is { Length: >= 2 } arcs && arcs.All(a => a.Length > 0 && a.All(char.IsAsciiDigit));

    /// <summary>Most intermediate CA certificates between a certificate and its anchor (as openssl -verify_depth).</summary>
    public int MaxChainDepth { get; init; } = DefaultMaxChainDepth;
    /// <summary>user-initial-policy-set: anyPolicy by default.</summary>
    public IReadOnlyList<string> Policies { get; init; } = [AnyPolicy];
    /// <summary>initial-explicit-policy.</summary>
    public bool RequireExplicitPolicy { get; init; }
    /// <summary>initial-policy-mapping-inhibit.</summary>
    public bool InhibitPolicyMapping { get; init; }
    /// <summary>initial-any-policy-inhibit.</summary>
    public bool InhibitAnyPolicy { get; init; }
    /// <summary>Absolute paths of CRL files given with --crl or `validation.crls` (CRLs in the scan are used too).</summary>
    public IReadOnlyList<string> CrlFiles { get; init; } = [];
}
