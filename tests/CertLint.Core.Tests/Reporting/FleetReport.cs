using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CertLint.Core.Tests.Reporting;

/// <summary>
/// A JSON report (schema v1) of a large fleet, written directly instead of linting generated certificates, so a
/// 10,000-certificate page costs milliseconds rather than minutes of key generation. The fleet is what a big
/// repository holds: one root, an intermediate per 100 certificates, a leaf with its key in
/// deploy/envN/svcNN/, a tenth expired, a twentieth expiring, some with no path to the root; a finding per defect
/// with the engine's wording, and a few suppressed ones.
/// </summary>
internal static class FleetReport
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Json(int certificates)
    {
        var intermediates = Math.Max(1, certificates / 100);
        var leaves = Math.Max(0, certificates - intermediates - 1);
        var certs = new List<Cert>(certificates) { new("ca/root.pem", "CN=Example Fleet Root, O=Example Corp, C=DE", "CN=Example Fleet Root, O=Example Corp, C=DE", -3650, 3650, true, null) };
        for (var i = 0; i < intermediates; i++)
            certs.Add(new($"ca/issuing-{i:D3}.pem", $"CN=Example Issuing CA {i:D3}, O=Example Corp, C=DE", certs[0].Subject, -1000, 2000, true, 0));
        for (var i = 0; i < leaves; i++)
        {
            var (from, to) = (i % 20) switch
            {
                0 or 1 => (-400 - i % 300, -1 - i % 90),   // expired
                2 => (-360, 1 + i % 29),                     // in the warning window
                3 when i % 40 == 3 => (3 + i % 20, 400),     // not yet valid
                _ => (-200 - i % 100, 60 + i % 700),
            };
            certs.Add(new($"deploy/env{i % 5}/svc{i % 50:D2}/host{i:D5}.pem",
                $"CN=host{i:D5}.svc{i % 50:D2}.env{i % 5}.example.internal, OU=Platform, O=Example Corp, C=DE",
                certs[1 + i % intermediates].Subject, from, to, false, 1 + i % intermediates));
        }

        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", 1);
            w.WriteStartObject("tool");
            w.WriteString("name", "CertLint");
            w.WriteString("version", "1.0.0");
            w.WriteEndObject();
            w.WriteString("now", Stamp(Now));
            w.WriteString("root", "/home/runner/work/fleet/fleet");
            w.WriteString("failOn", "error");
            var findings = Findings(certs).ToList();
            w.WriteNumber("exitCode", findings.Any(f => f.Severity == "error" && f.Suppressed is null) ? 1 : 0);
            w.WriteStartObject("summary");
            w.WriteNumber("files", certs.Count + leaves);
            w.WriteNumber("certificates", certs.Count);
            w.WriteNumber("keys", leaves);
            w.WriteStartObject("findings");
            foreach (var s in new[] { "error", "warning", "note" }) w.WriteNumber(s, findings.Count(f => f.Severity == s && f.Suppressed is null));
            w.WriteEndObject();
            w.WriteNumber("suppressed", findings.Count(f => f.Suppressed is not null));
            w.WriteNumber("failing", findings.Count(f => f.Severity == "error" && f.Suppressed is null));
            w.WriteEndObject();
            Files(w, certs);
            Certificates(w, certs);
            Keys(w, certs);
            Chains(w, certs);
            w.WriteStartArray("bundles");
            w.WriteEndArray();
            Rules(w);
            WriteFindings(w, findings);
            w.WriteStartArray("notices");
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private sealed record Cert(string Path, string Subject, string Issuer, int FromDays, int ToDays, bool IsCa, int? IssuerIndex)
    {
        public DateTimeOffset NotBefore => Now.AddDays(FromDays);
        public DateTimeOffset NotAfter => Now.AddDays(ToDays);
        public string Sha256 => Hex("cert " + Path, 32);
        public string KeyPath => Path[..^4] + ".key";
        public string KeyFingerprint => Hex("key " + Path, 32);
        /// <summary>About one leaf in 33 has no path to the root (its issuing CA is missing from the scan).</summary>
        public bool Orphan => !IsCa && Convert.FromHexString(Sha256[..2])[0] % 33 == 0;
    }

    private sealed record FleetFinding(string RuleId, string Rule, string Severity, string Message, Cert Cert, string? Suppressed);

    private static IEnumerable<FleetFinding> Findings(List<Cert> certs)
    {
        for (var i = 0; i < certs.Count; i++)
        {
            var c = certs[i];
            var label = $"{c.Subject} (serial {Serial(i)}, SHA-256 {c.Sha256[..16]})";
            if (c.NotAfter < Now)
                yield return new("CL0101", "cert-expired", "error", $"{label} expired on {Stamp(c.NotAfter)}: renew it and deploy the new certificate.", c,
                    i % 7 == 0 ? "Decommissioned host, removed with the next release" : null);
            else if (c.NotAfter - Now <= TimeSpan.FromDays(30))
                yield return new("CL0103", "cert-expiring-soon", "warning", $"{label} expires on {Stamp(c.NotAfter)}, in {(c.NotAfter - Now).Days} days (warning window 30 days): renew it now.", c, null);
            else if (c.NotBefore > Now)
                yield return new("CL0102", "cert-not-yet-valid", "error", $"{label} is not valid before {Stamp(c.NotBefore)}.", c, null);
            if (c.Orphan)
                yield return new("CL0401", "chain-incomplete", "error", $"{label}: no path to a trust anchor: the issuer {c.Issuer} is not in the scan; add the intermediate certificate.", c, null);
        }
    }

    private static void Files(Utf8JsonWriter w, List<Cert> certs)
    {
        w.WriteStartArray("files");
        foreach (var c in certs)
        {
            File(w, c.Path, 1);
            if (!c.IsCa) File(w, c.KeyPath, 0);
        }
        w.WriteEndArray();

        static void File(Utf8JsonWriter w, string path, int certificates)
        {
            w.WriteStartObject();
            w.WriteString("path", path);
            w.WriteString("kind", "pem");
            w.WriteNumber("size", certificates == 1 ? 757 : 241);
            w.WriteString("mode", certificates == 1 ? "0644" : "0600");
            w.WriteNumber("certificates", certificates);
            w.WriteNumber("keys", 1 - certificates);
            w.WriteNumber("crls", 0);
            w.WriteNull("keystore");
            w.WriteStartArray("issues");
            w.WriteEndArray();
            w.WriteEndObject();
        }
    }

    private static void Certificates(Utf8JsonWriter w, List<Cert> certs)
    {
        w.WriteStartArray("certificates");
        for (var i = 0; i < certs.Count; i++)
        {
            var c = certs[i];
            w.WriteStartObject();
            w.WriteString("sha256", c.Sha256);
            w.WriteString("sha1", Hex("sha1 " + c.Path, 20));
            w.WriteString("path", c.Path);
            w.WriteNumber("startLine", 1);
            w.WriteNumber("endLine", 12);
            w.WriteString("format", "pem");
            w.WriteString("subject", c.Subject);
            w.WriteString("issuer", c.Issuer);
            w.WriteString("serial", Serial(i));
            w.WriteString("notBefore", Stamp(c.NotBefore));
            w.WriteString("notAfter", Stamp(c.NotAfter));
            w.WriteBoolean("isCa", c.IsCa);
            w.WriteBoolean("selfSigned", i == 0);
            w.WriteString("role", c.IsCa ? "unknown" : i % 3 == 0 ? "client" : "server");
            PublicKey(w, "key" + c.Path);
            w.WriteString("signatureAlgorithm", "ecdsa-with-SHA256");
            if (c.IsCa) w.WriteNull("subjectAltNames");
            else
            {
                w.WriteStartObject("subjectAltNames");
                Strings(w, "dns", c.Subject[3..c.Subject.IndexOf(',', StringComparison.Ordinal)]);
                Strings(w, "ip");
                Strings(w, "email");
                Strings(w, "uri");
                w.WriteEndObject();
            }
            if (c.IsCa) w.WriteNull("extendedKeyUsage");
            else Strings(w, "extendedKeyUsage", i % 3 == 0 ? "clientAuth" : "serverAuth");
            w.WriteString("chainStatus", c.Orphan ? "incomplete" : "complete");
            if (c.IsCa) Strings(w, "pairedKeys");
            else Strings(w, "pairedKeys", c.KeyFingerprint);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Keys(Utf8JsonWriter w, List<Cert> certs)
    {
        w.WriteStartArray("keys");
        foreach (var c in certs.Where(c => !c.IsCa))
        {
            w.WriteStartObject();
            w.WriteString("fingerprint", c.KeyFingerprint);
            w.WriteString("path", c.KeyPath);
            w.WriteNumber("startLine", 1);
            w.WriteNumber("endLine", 5);
            w.WriteString("format", "pem");
            w.WriteString("encoding", "pkcs8");
            w.WriteBoolean("private", true);
            w.WriteBoolean("encrypted", false);
            PublicKey(w, "key" + c.Path);
            Strings(w, "pairedCertificates", c.Sha256);
            Strings(w, "mismatchedCertificates");
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Chains(Utf8JsonWriter w, List<Cert> certs)
    {
        w.WriteStartArray("chains");
        foreach (var c in certs)
        {
            w.WriteStartObject();
            w.WriteString("certificate", c.Sha256);
            w.WriteString("status", c.Orphan ? "incomplete" : "complete");
            if (c.Orphan) Strings(w, "path", c.Sha256);
            else Strings(w, "path", [.. IssuerPath(certs, c).Select(p => p.Sha256)]);
            if (c.Orphan) Strings(w, "problems", $"no issuer for {c.Subject} (issuer {c.Issuer}) in the scan or the trust anchors");
            else Strings(w, "problems");
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static IEnumerable<Cert> IssuerPath(List<Cert> certs, Cert c)
    {
        for (var guard = 0; guard < 4; guard++)
        {
            yield return c;
            if (c.IssuerIndex is not { } next) yield break;
            c = certs[next];
        }
    }

    private static void Rules(Utf8JsonWriter w)
    {
        w.WriteStartArray("rules");
        foreach (var (id, name, pack) in new[]
                 {
                     ("CL0101", "cert-expired", "core"), ("CL0102", "cert-not-yet-valid", "core"), ("CL0103", "cert-expiring-soon", "core"),
                     ("CL0401", "chain-incomplete", "core"), ("CL1001", "rfc-example", "rfc5280"),
                 })
        {
            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteString("name", name);
            w.WriteString("pack", pack);
            w.WriteNumber("checked", 1);
            w.WriteNumber("notApplicable", 0);
            w.WriteNumber("notEffective", 0);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteFindings(Utf8JsonWriter w, List<FleetFinding> findings)
    {
        w.WriteStartArray("findings");
        foreach (var f in findings)
        {
            w.WriteStartObject();
            w.WriteString("ruleId", f.RuleId);
            w.WriteString("rule", f.Rule);
            w.WriteString("severity", f.Severity);
            w.WriteString("message", f.Message);
            w.WriteString("path", f.Cert.Path);
            w.WriteNumber("startLine", 1);
            w.WriteNumber("endLine", 12);
            w.WriteStartObject("object");
            w.WriteString("kind", "certificate");
            w.WriteString("id", f.Cert.Sha256);
            w.WriteString("label", f.Cert.Subject);
            w.WriteEndObject();
            w.WriteString("fingerprint", Hex("finding " + f.Rule + f.Cert.Path, 32));
            w.WriteBoolean("failing", f.Severity == "error" && f.Suppressed is null);
            if (f.Suppressed is { } reason)
            {
                w.WriteStartObject("suppression");
                w.WriteString("reason", reason);
                w.WriteString("source", ".certlint.yml");
                w.WriteString("expires", "2027-01-01");
                w.WriteEndObject();
            }
            else w.WriteNull("suppression");
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void PublicKey(Utf8JsonWriter w, string seed)
    {
        w.WriteStartObject("key");
        w.WriteString("type", "ec");
        w.WriteNumber("size", 256);
        w.WriteString("curve", "nistP256");
        w.WriteString("fingerprint", Hex(seed, 32));
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, params string[] values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static string Serial(int i) => (0x1000 + i).ToString("X", CultureInfo.InvariantCulture);

    private static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Hex(string seed, int bytes) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed))[..bytes]);
}
