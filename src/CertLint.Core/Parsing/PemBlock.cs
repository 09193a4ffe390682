namespace CertLint.Parsing;

/// <summary>
/// One -----BEGIN X----- ... -----END X----- block: label, 1-based line range, RFC 1421 headers and the decoded bytes.
/// <see cref="Error"/> is set (and <see cref="Data"/> empty) when the block is unterminated or its base64 is bad.
/// </summary>
public sealed record PemBlock(
    string Label,
    int StartLine,
    int EndLine,
    ReadOnlyMemory<byte> Data,
    IReadOnlyDictionary<string, string> Headers,
    string? Error = null)
{
    /// <summary>An OpenSSL "traditional" encrypted key (Proc-Type: 4,ENCRYPTED with DEK-Info).</summary>
    public bool IsLegacyEncrypted =>
        Headers.ContainsKey("DEK-Info")
        || (Headers.TryGetValue("Proc-Type", out var procType) && procType.Contains("ENCRYPTED", StringComparison.OrdinalIgnoreCase));
}
