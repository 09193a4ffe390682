using System.Globalization;
using System.Text.Json;
using CertLint.Inventory;
using CertLint.Model;

namespace CertLint.Reporting;

/// <summary>The JSON report's inventory sections. Only public facts: no key bytes, never any private material.</summary>
internal static class JsonInventory
{
    public static void WriteFiles(Utf8JsonWriter w, CertificateInventory inv)
    {
        w.WriteStartArray("files");
        foreach (var f in inv.Files)
        {
            w.WriteStartObject();
            w.WriteString("path", ReportText.PathOf(f.File));
            w.WriteString("kind", Camel(f.Kind.ToString()));
            w.WriteNumber("size", f.File.Length);
            if (f.File.Mode is { } mode) w.WriteString("mode", Convert.ToString((int)mode, 8).PadLeft(4, '0'));
            else w.WriteNull("mode");
            w.WriteNumber("certificates", f.Certificates.Count);
            w.WriteNumber("keys", f.Keys.Count);
            w.WriteNumber("crls", f.Crls.Count);
            if (f.Keystore is { } ks)
            {
                w.WriteStartObject("keystore");
                w.WriteBoolean("passwordProtected", ks.PasswordProtected);
                w.WriteNumber("certificates", ks.CertificateCount);
                w.WriteNumber("keys", ks.KeyCount);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("keystore");
            }
            w.WriteStartArray("issues");
            foreach (var i in f.Issues)
            {
                w.WriteStartObject();
                w.WriteString("kind", Camel(i.Kind.ToString()));
                WriteLines(w, i.Location);
                w.WriteString("message", ReportText.Clean(i.Message));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    public static void WriteCertificates(Utf8JsonWriter w, CertificateInventory inv)
    {
        var pairedKeys = inv.Pairs.ToLookup(p => p.Certificate, p => p.Key.Fingerprint);
        w.WriteStartArray("certificates");
        foreach (var c in inv.Certificates)
        {
            w.WriteStartObject();
            w.WriteString("sha256", c.Sha256);
            w.WriteString("sha1", c.Sha1);
            w.WriteString("path", ReportText.PathOf(c.Location.File));
            WriteLines(w, c.Location);
            w.WriteString("format", Camel(c.Format.ToString()));
            w.WriteString("subject", ReportText.Clean(c.Subject.Text));
            w.WriteString("issuer", ReportText.Clean(c.Issuer.Text));
            w.WriteString("serial", c.SerialNumber);
            w.WriteString("notBefore", ReportText.Timestamp(c.NotBefore));
            w.WriteString("notAfter", ReportText.Timestamp(c.NotAfter));
            w.WriteBoolean("isCa", c.IsCa);
            w.WriteBoolean("selfSigned", inv.SelfSigned.Contains(c));
            w.WriteString("role", Rules.Fields.Names.Role(inv.RoleOf(c)));
            WritePublicKey(w, "key", c.PublicKey);
            w.WriteString("signatureAlgorithm", c.Signature.AlgorithmName);
            if (c.SubjectAltNames is { } san)
            {
                w.WriteStartObject("subjectAltNames");
                w.WriteStrings("dns", san.Dns.Select(ReportText.Clean));
                w.WriteStrings("ip", san.Ip);
                w.WriteStrings("email", san.Email.Select(ReportText.Clean));
                w.WriteStrings("uri", san.Uri.Select(ReportText.Clean));
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("subjectAltNames");
            }
            if (c.ExtendedKeyUsage is { } eku) w.WriteStrings("extendedKeyUsage", eku);
            else w.WriteNull("extendedKeyUsage");
            if (inv.ChainOf(c) is { } chain) w.WriteString("chainStatus", Camel(chain.Status.ToString()));
            else w.WriteNull("chainStatus");
            w.WriteStrings("pairedKeys", pairedKeys[c].Distinct(StringComparer.Ordinal));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    public static void WriteKeys(Utf8JsonWriter w, CertificateInventory inv)
    {
        var pairedCerts = inv.Pairs.ToLookup(p => p.Key, p => p.Certificate.Sha256);
        var mismatched = inv.Mismatches.ToLookup(m => m.Key, m => m.Certificate.Sha256);
        w.WriteStartArray("keys");
        foreach (var k in inv.Keys)
        {
            w.WriteStartObject();
            w.WriteString("fingerprint", k.Fingerprint);
            w.WriteString("path", ReportText.PathOf(k.Location.File));
            WriteLines(w, k.Location);
            w.WriteString("format", Camel(k.Format.ToString()));
            w.WriteString("encoding", Camel(k.Encoding.ToString()));
            w.WriteBoolean("private", k.IsPrivate);
            w.WriteBoolean("encrypted", k.Encrypted);
            if (k.PublicKey is { } pk) WritePublicKey(w, "key", pk);
            else w.WriteNull("key");
            w.WriteStrings("pairedCertificates", pairedCerts[k].Distinct(StringComparer.Ordinal));
            w.WriteStrings("mismatchedCertificates", mismatched[k].Distinct(StringComparer.Ordinal));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    public static void WriteChains(Utf8JsonWriter w, CertificateInventory inv)
    {
        w.WriteStartArray("chains");
        foreach (var c in inv.Certificates)
        {
            if (inv.ChainOf(c) is not { } chain) continue;
            w.WriteStartObject();
            w.WriteString("certificate", c.Sha256);
            w.WriteString("status", Camel(chain.Status.ToString()));
            w.WriteStrings("path", chain.Path.Select(p => p.Sha256));
            w.WriteStrings("problems", chain.Problems.Select(ReportText.Clean));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    public static void WriteBundles(Utf8JsonWriter w, CertificateInventory inv)
    {
        w.WriteStartArray("bundles");
        foreach (var b in inv.Bundles)
        {
            w.WriteStartObject();
            w.WriteString("path", ReportText.PathOf(b.File));
            w.WriteStrings("certificates", b.Certificates.Select(c => c.Sha256));
            w.WriteBoolean("complete", b.Complete);
            w.WriteBoolean("ordered", b.Ordered);
            w.WriteStrings("problems", b.Problems.Select(ReportText.Clean));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WritePublicKey(Utf8JsonWriter w, string name, PublicKeyInfo pk)
    {
        w.WriteStartObject(name);
        w.WriteString("type", pk.Algorithm.ToString().ToLowerInvariant());
        w.WriteNumber("size", pk.SizeBits);
        if ((pk.CurveName ?? pk.CurveOid) is { } curve) w.WriteString("curve", curve);
        else w.WriteNull("curve");
        w.WriteString("fingerprint", pk.Sha256);
        w.WriteEndObject();
    }

    private static void WriteLines(Utf8JsonWriter w, SourceLocation location)
    {
        var (start, end) = ReportText.Region(location);
        w.WriteNumber("startLine", start);
        w.WriteNumber("endLine", end);
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
