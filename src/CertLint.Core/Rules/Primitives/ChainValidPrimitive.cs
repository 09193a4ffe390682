using CertLint.Findings;
using CertLint.Inventory;
using CertLint.Inventory.Paths;
using CertLint.Model;

namespace CertLint.Rules.Primitives;

/// <summary>
/// Reports the checks of RFC 5280 §6 path validation that failed on a certificate's chosen path (see docs/chains.md),
/// limited to the `checks` the rule is about, so each defect is one finding of one rule: chain-invalid takes
/// signatures, issuer validity and malformed extensions; name-constraints-violated, issuer-not-ca,
/// path-length-exceeded, unknown-critical-extension, cert-revoked, policy-not-satisfied and chain-too-deep one each.
/// Extended key usage along the path is left to the EKU rules.
/// </summary>
public sealed class ChainValidPrimitive : ICheckPrimitive
{
    private static readonly Dictionary<string, PathCheck> ByName =
        Enum.GetValues<PathCheck>().ToDictionary(PathProblem.Name, c => c, StringComparer.Ordinal);

    public string Name => "chain-valid";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Certificate];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } =
    [
        new("checks", ParameterType.StringList, new[] { "signature", "validity", "malformed" },
            "The path validation steps this rule reports", AllowedValues: [.. ByName.Keys.Order(StringComparer.Ordinal)]),
    ];

    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        if (subject.Certificate is not { } cert) return [];
        var chain = context.Inventory.ChainOf(cert);
        if (chain is null) return [];
        var anchor = chain is { Status: ChainStatus.Complete, Path.Count: 1 };
        // Most chains are valid: they return here, without the iterator below (nine rules ask of every certificate).
        if (!anchor && chain.Status == ChainStatus.Complete) return [];
        if (chain.Status == ChainStatus.Incomplete && PathFacts.UnknownCriticalOf(cert).Count == 0) return [];
        return Report(cert, chain, anchor, arguments);
    }

    private static IEnumerable<Violation> Report(CertificateInfo cert, ChainResult chain, bool anchor, PrimitiveArguments arguments)
    {
        var checks = arguments.GetStrings("checks").Select(n => ByName[n]).ToHashSet();
        if ((anchor || chain.Status == ChainStatus.Incomplete) && checks.Contains(PathCheck.UnknownCriticalExtension))
        {
            foreach (var v in OwnUnknownCritical(cert, chain, anchor)) yield return v;
            yield break;
        }
        if (chain.Status != ChainStatus.Invalid) yield break;
        if (chain.Failures.Count == 0)
        {
            // A chain result without itemised failures (made by a host or a test): the generic rule reports it whole.
            if (checks.Contains(PathCheck.Signature)) yield return Whole(chain);
            yield break;
        }
        var failures = chain.FailuresOf(checks).ToList();
        if (failures.Count == 0) yield break;
        var first = failures[0];
        yield return new Violation(new Dictionary<string, object?>
        {
            ["path"] = PrimitiveLookups.DescribePath(chain.Path),
            ["depth"] = chain.Depth,
            ["problems"] = chain.WithBound(string.Join("; ", failures.Select(f => f.Message).Distinct())),
            ["failedAt"] = first.Certificate.Name,
            ["failedAtSha256"] = first.Certificate.Sha256,
            ["failedPosition"] = first.Position,
            ["step"] = PathProblem.Name(first.Check),
        });
    }

    /// <summary>
    /// A critical extension CertLint does not process, on a certificate no path validation judged. A trust anchor is
    /// trusted as given (RFC 5280 §6.1: its extensions are not processed on the path), so its unknown critical extension
    /// does not fail the certificates below it; but verifiers that process the anchor certificate (openssl) reject every
    /// path through it, so the anchor's own file gets the finding. A certificate with no path to an anchor (its issuer
    /// missing, or self-signed and not trusted) is rejected by every verifier whatever path it is later given (§4.2),
    /// so that defect is not hidden behind chain-incomplete until the chain is mended.
    /// </summary>
    private static IEnumerable<Violation> OwnUnknownCritical(CertificateInfo cert, ChainResult chain, bool anchor)
    {
        var oids = PathFacts.UnknownCriticalOf(cert);
        if (oids.Count == 0) yield break;
        var name = cert.Name;
        yield return new Violation(new Dictionary<string, object?>
        {
            ["path"] = PrimitiveLookups.DescribePath(chain.Path),
            ["depth"] = chain.Depth,
            ["problems"] = string.Join("; ", oids.Select(oid => anchor
                ? $"trust anchor {name} has critical extension {oid}, which CertLint does not process;"
                    + " CertLint trusts the anchor as given (RFC 5280 §6.1) and does not fail the certificates below it, but verifiers that check"
                    + " the anchor certificate (openssl) reject every path through it"
                : $"{name} has critical extension {oid}, which CertLint does not process; a verifier that does not recognize it"
                    + " must reject the certificate whatever its path (RFC 5280 §4.2)")),
            ["failedAt"] = name,
            ["failedAtSha256"] = cert.Sha256,
            ["failedPosition"] = 0,
            ["step"] = PathProblem.Name(PathCheck.UnknownCriticalExtension),
        });
    }

    private static Violation Whole(ChainResult chain) => new(new Dictionary<string, object?>
    {
        ["path"] = PrimitiveLookups.DescribePath(chain.Path),
        ["depth"] = chain.Depth,
        ["problems"] = chain.WithBound(PrimitiveLookups.JoinProblems(chain.Problems, "a signature in the chain does not verify")),
        ["failedAt"] = chain.Path.Count > 0 ? chain.Path[0].Name : null,
        ["failedAtSha256"] = chain.Path.Count > 0 ? chain.Path[0].Sha256 : null,
        ["failedPosition"] = 0,
        ["step"] = "signature",
    });
}
