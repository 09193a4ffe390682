using CertLint.Engine;
using CertLint.Findings;
using CertLint.Inventory;
using CertLint.Reporting;

namespace CertLint.Fuzz;

/// <summary>
/// The `--baseline` reader: a pull request can put any bytes there (or link the path to any file). A file that is not
/// a SARIF report must be a <see cref="UserErrorException"/>; one that is goes back into the next SARIF report as its
/// "absent" results, which must then look as CertLint writes them (<see cref="CheckAbsentResults"/>).
/// </summary>
public static class BaselineTarget
{
    public static void Run(byte[] input)
    {
        SarifBaseline baseline;
        try
        {
            baseline = SarifBaseline.Parse(input, "/fuzz/baseline.sarif");
        }
        catch (UserErrorException)
        {
            return;   // not a SARIF report: a usage error naming the file
        }
        baseline.Compare([]);
        var absent = baseline.Absent([]);
        using var report = new MemoryStream();
        SarifReport.Write(EmptyResult(absent), report, new ReportSettings { ToolVersion = "0.0.0" });
        CheckAbsentResults(report.ToArray(), Math.Min(absent.Count, SarifReport.MaxResults));
    }

    /// <summary>
    /// The report's absent results hold only what CertLint writes: a SARIF level, our fingerprint, printable rule ids and
    /// messages, and a URI reference that parses (GitHub refuses a whole upload over one bad result).
    /// </summary>
    private static void CheckAbsentResults(byte[] report, int expected)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(report);
        var results = doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        if (results.Count != expected) throw new InvalidDataException($"{expected} absent results expected, {results.Count} written");
        foreach (var r in results)
        {
            var level = r.GetProperty("level").GetString();
            var fingerprint = r.GetProperty("partialFingerprints").GetProperty(SarifReport.FingerprintKey).GetString()!;
            var texts = new[] { r.GetProperty("ruleId").GetString()!, r.GetProperty("message").GetProperty("text").GetString()! };
            if (level is not ("none" or "note" or "warning" or "error")) throw new InvalidDataException("an absent result with a level SARIF does not have");
            if (fingerprint.Length != 64 || !fingerprint.All(char.IsAsciiHexDigitLower)) throw new InvalidDataException("an absent result with a fingerprint CertLint does not write");
            if (texts.Any(t => t != SafeText.Printable(t) || t.Length > 2_003)) throw new InvalidDataException("an absent result with unprintable or unbounded text");
            if (r.TryGetProperty("locations", out var locations))
            {
                var uri = locations[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!;
                if (!Uri.IsWellFormedUriString(uri, UriKind.RelativeOrAbsolute)) throw new InvalidDataException("an absent result with a malformed URI");
            }
        }
    }

    private static LintResult EmptyResult(IReadOnlyList<BaselineEntry> absent) => new()
    {
        Inventory = CertificateInventory.Empty,
        Rules = [],
        Findings = [],
        Checks = [],
        Now = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero),
        FailOn = Severity.Error,
        Root = "/fuzz",
        Elapsed = TimeSpan.Zero,
        BaselineStates = new Dictionary<string, string>(),
        BaselineAbsent = absent,
    };
}

/// <summary>Seeds for `baseline`: SARIF shapes CertLint writes and reads (results with and without locations, absent ones).</summary>
public static class BaselineSeeds
{
    private const string Fp = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    public static IEnumerable<(string Name, byte[] Bytes)> All()
    {
        var result = "{'ruleId':'CL0001','ruleIndex':0,'level':'error','message':{'text':'expired on 2020-01-01'},'locations':[{'physicalLocation':{'artifactLocation':{'uri':'certs/a%20b.pem','uriBaseId':'%SRCROOT%'},'region':{'startLine':3,'endLine':30}}}],'partialFingerprints':{'certlintFingerprint/v1':'" + Fp + "'},'baselineState':'new'}";
        var bare = "{'ruleId':'CL0103','level':'note','message':{'text':'m'},'partialFingerprints':{'certlintFingerprint/v1':'" + Fp.Replace('0', 'f') + "'}}";
        var gone = "{'ruleId':'CL0002','level':'warning','message':{'text':'x'},'partialFingerprints':{'certlintFingerprint/v1':'" + Fp.Replace('1', 'e') + "'},'baselineState':'absent'}";
        yield return ("gen-baseline-one.sarif", Json(Run(result)));
        yield return ("gen-baseline-three.sarif", Json(Run($"{result},{bare},{gone}")));
        yield return ("gen-baseline-empty.sarif", Json(Run("")));
        yield return ("gen-baseline-two-runs.sarif", Json("{'version':'2.1.0','runs':[{'results':[" + bare + "]},{'results':[" + result + "]}]}"));
    }

    private static string Run(string results) =>
        "{'$schema':'https://json.schemastore.org/sarif-2.1.0.json','version':'2.1.0','runs':[{'tool':{'driver':{'name':'CertLint','rules':[]}},'results':[" + results + "]}]}";

    /// <summary>The seeds are written with ' for readability; JSON wants ".</summary>
    private static byte[] Json(string singleQuoted) => System.Text.Encoding.UTF8.GetBytes(singleQuoted.Replace('\'', '"'));
}
