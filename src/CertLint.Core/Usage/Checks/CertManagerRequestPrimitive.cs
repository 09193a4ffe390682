using System.Globalization;
using CertLint.Findings;
using CertLint.Rules;
using CertLint.Usage.Kubernetes;

namespace CertLint.Usage.Checks;

/// <summary>
/// What a cert-manager Certificate asks for. `check: renewal`: renewBefore must be shorter than duration (defaults
/// 2160h and a third of it), or cert-manager renews on every reconcile. `check: key`: RSA below 2048 bits or ECDSA
/// below 256 bits is a weak key before it is even issued.
/// </summary>
public sealed class CertManagerRequestPrimitive : ICheckPrimitive
{
    private const double DefaultDurationHours = 2160;

    public string Name => "cert-manager-request";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Usage];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } =
    [
        new("check", ParameterType.String, "renewal", "renewal: renewBefore against duration; key: privateKey algorithm and size", AllowedValues: ["renewal", "key"]),
        new("minRsaBits", ParameterType.Integer, 2048L, "Smallest RSA key size accepted", Minimum: 1024, Maximum: 16384),
    ];

    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        if (subject.Usage is not { Format: "cert-manager" } usage) yield break;
        var s = usage.Settings;
        if (arguments.GetString("check") == "renewal")
        {
            var duration = s.TryGetValue("duration", out var d) ? CertManager.Hours(d) : DefaultDurationHours;
            var renew = s.TryGetValue("renewBefore", out var r) ? CertManager.Hours(r) : null;
            if (duration is null || (r is not null && renew is null))
            {
                yield return Problem($"has a duration or renewBefore that is not a Go duration (e.g. 2160h): duration {d ?? "(default 2160h)"}, renewBefore {r ?? "(default)"}");
            }
            else if (renew is { } before && before >= duration)
            {
                yield return Problem($"renews {r} before expiry but is valid for only {d ?? "2160h (default)"}: renewBefore must be shorter than duration");
            }
            yield break;
        }
        var algorithm = (s.GetValueOrDefault("privateKey.algorithm") ?? "RSA").ToUpperInvariant();
        var size = s.TryGetValue("privateKey.size", out var sz) && int.TryParse(sz, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        var minRsa = arguments.GetInt("minRsaBits");
        if (algorithm == "RSA" && size is { } bits && bits < minRsa)
            yield return Problem($"asks for an RSA {bits}-bit key; use at least {minRsa} bits or ECDSA P-256");
        else if (algorithm == "ECDSA" && size is { } ec && ec < 256)
            yield return Problem($"asks for an ECDSA {ec}-bit key; use P-256 or larger");
    }

    private static Violation Problem(string problem) => new(new Dictionary<string, object?> { ["problem"] = problem });
}
