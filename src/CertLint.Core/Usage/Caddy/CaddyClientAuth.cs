using CertLint.Model;

namespace CertLint.Usage.Caddy;

/// <summary>
/// A site's <c>tls { client_auth { … } }</c>: whether clients are asked for a certificate and whether it is verified,
/// against which CA files, set where.
/// </summary>
internal sealed record CaddyClientAuth(bool Requests, bool Verifies, SourceLocation? ModeAt, List<FileReference> CaFiles, bool TrustOutsideFiles)
{
    /// <summary>The modes of caddytls ClientAuthentication.ConfigureTLSConfig and what each makes of crypto/tls: (asks, verifies).</summary>
    private static readonly Dictionary<string, (bool Requests, bool Verifies)> Modes = new(StringComparer.Ordinal)
    {
        ["request"] = (true, false),            // tls.RequestClientCert
        ["require"] = (true, false),            // tls.RequireAnyClientCert
        ["verify_if_given"] = (true, true),     // tls.VerifyClientCertIfGiven
        ["require_and_verify"] = (true, true),  // tls.RequireAndVerifyClientCert
    };

    /// <summary>
    /// Reads a client_auth block; null when it asks for nothing (Caddy's ClientAuthentication.Active: no mode, trust or
    /// verifier). Without <c>mode</c> Caddy picks it (caddyserver/caddy modules/caddytls/connpolicy.go,
    /// ClientAuthentication.ConfigureTLSConfig, "otherwise, set a safe default mode"): require_and_verify when trusted CA
    /// certificates (trusted_ca_cert[_file], a trust_pool) or leaf certificates are given, else require, which verifies
    /// nothing. Pinned leaf certificates (trusted_leaf_cert[_file]) are checked by a verifier on every handshake,
    /// whatever the mode, so they count as verification too.
    /// </summary>
    public static CaddyClientAuth? Read(CaddyDirective block, string baseDirectory, ConfigReadResult result)
    {
        string? mode = null;
        SourceLocation? modeAt = null;
        var caFiles = new List<FileReference>();
        var trusts = false;
        var leaves = false;
        var verifiers = false;
        foreach (var d in block.Children)
        {
            switch (d.Name)
            {
                case "mode":
                    if (d.Args is [var m] && Modes.ContainsKey(m))
                    {
                        (mode, modeAt) = (m, d.At);
                    }
                    else
                    {
                        result.Error(d.At, "client_auth mode must be request, require, verify_if_given or require_and_verify (Caddy refuses the configuration)");
                    }
                    break;
                case "trusted_ca_cert_file":
                    trusts = true;
                    caFiles.AddRange(d.Args.Select(a => CaddyPaths.Reference(a, d, baseDirectory)).OfType<FileReference>());
                    break;
                case "trust_pool":
                    trusts = true;
                    caFiles.AddRange(CaddyPaths.TrustPool(d, baseDirectory));
                    break;
                case "trusted_ca_cert":
                    trusts = true; // base64 DER written in the Caddyfile: no file to compare
                    break;
                case "trusted_leaf_cert_file" or "trusted_leaf_cert":
                    leaves = true;
                    break;
                case "verifier":
                    verifiers = true;
                    break;
                default:
                    result.Error(d.At, "unknown subdirective of client_auth (Caddy refuses the configuration)");
                    break;
            }
        }
        if (mode is null && !trusts && !leaves && !verifiers) return null;
        var (requests, verifies) = Modes[mode ?? (trusts || leaves ? "require_and_verify" : "require")];
        // A CA given as base64, by a pool module other than file, or through a placeholder, or leaves pinned instead of a
        // CA: the trust is not a file of the repository, so there is no CA file to compare the clients with.
        return new CaddyClientAuth(requests, verifies || leaves, modeAt, caFiles, caFiles.Count == 0 && (trusts || leaves));
    }
}
