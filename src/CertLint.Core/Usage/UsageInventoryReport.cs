using System.Text.Json;
using CertLint.Engine;
using CertLint.Inventory;
using CertLint.Model;

namespace CertLint.Usage;

/// <summary>
/// `certlint inventory`: the map of the repository's TLS: every usage a configuration describes (file, role, service,
/// files it names and what they resolved to), then every certificate with its role and where the role came from.
/// Never prints file content, key material or passwords: paths, names and settings only.
/// </summary>
public static class UsageInventoryReport
{
    public static void WriteText(LintResult result, TextWriter w)
    {
        var inventory = result.Inventory;
        w.WriteLine($"TLS usages ({inventory.Usages.Count}):");
        foreach (var u in inventory.Usages)
        {
            w.WriteLine($"  {u.Location.File.RelativePath}:{u.Location.StartLine}  {u.Format} {Role(u.Role)}  {u.Service}");
            Reference(w, "certificate", u.Certificate, result.Root);
            Reference(w, "key", u.Key, result.Root);
            Reference(w, "chain", u.Chain, result.Root);
            foreach (var ca in u.CaFiles) Reference(w, u.Role switch { UsageRole.Server => "client CA", UsageRole.Client => "server CA", _ => "CA" }, ca, result.Root);
            foreach (var crl in u.CrlFiles) Reference(w, "CRL", crl, result.Root);
            Switch(w, "verify peer", u.VerifyPeer, u.VerifyAt);
            // Only the odd case is spelled out: a server that verifies what it asks for says so on the line above.
            if (u is { RequestsClientCertificate: true, VerifyPeer: not true }) w.WriteLine($"    {"client cert",-12} requested, any accepted");
            Switch(w, "verify host", u.VerifyHost, u.VerifyHostAt);
            if (u.Protocols is { } p)
                w.WriteLine($"    {"protocols",-12} {string.Join(", ", p.Allowed.Select(TlsVersions.Name))} ({p.At.File.RelativePath}:{p.At.StartLine} {p.Directive})");
            if (u.Hosts.Count > 0) w.WriteLine($"    {"hosts",-12} {string.Join(", ", u.Hosts)}");
        }
        w.WriteLine();
        w.WriteLine($"Certificates ({inventory.Certificates.Count}):");
        foreach (var c in inventory.Certificates)
        {
            var role = inventory.IsLeaf(c) ? Rules.Fields.Names.Role(inventory.RoleOf(c)) : "ca";
            var source = inventory.RoleSourceOf(c) is { } s ? $" (from {s})" : "";
            w.WriteLine($"  {c.Location}  {c.Label}  role {role}{source}");
        }
    }

    public static void WriteJson(LintResult result, Stream stream)
    {
        var inventory = result.Inventory;
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", 1);
        w.WriteStartArray("usages");
        foreach (var u in inventory.Usages)
        {
            w.WriteStartObject();
            w.WriteString("format", u.Format);
            w.WriteString("file", u.Location.File.RelativePath);
            w.WriteNumber("line", u.Location.StartLine);
            w.WriteString("role", Role(u.Role));
            w.WriteString("service", u.Service);
            if (u.VerifyPeer is { } verify) w.WriteBoolean("verifyPeer", verify);
            if (u.RequestsClientCertificate is { } requests) w.WriteBoolean("requestsClientCertificate", requests);
            if (u.VerifyHost is { } verifyHost) w.WriteBoolean("verifyHost", verifyHost);
            if (u.Protocols is { } p)
            {
                w.WriteStartArray("protocols");
                foreach (var v in p.Allowed) w.WriteStringValue(TlsVersions.Name(v));
                w.WriteEndArray();
            }
            w.WriteStartArray("hosts");
            foreach (var h in u.Hosts) w.WriteStringValue(h);
            w.WriteEndArray();
            JsonReference(w, "certificate", u.Certificate, result.Root);
            JsonReference(w, "key", u.Key, result.Root);
            JsonReference(w, "chain", u.Chain, result.Root);
            w.WriteStartArray("caFiles");
            foreach (var ca in u.CaFiles) JsonReference(w, null, ca, result.Root);
            w.WriteEndArray();
            w.WriteStartArray("crlFiles");
            foreach (var crl in u.CrlFiles) JsonReference(w, null, crl, result.Root);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("certificates");
        foreach (var c in inventory.Certificates)
        {
            w.WriteStartObject();
            w.WriteString("file", c.Location.File.RelativePath);
            w.WriteNumber("line", c.Location.StartLine);
            w.WriteString("subject", c.Subject.Text);
            w.WriteString("sha256", c.Sha256);
            w.WriteString("role", inventory.IsLeaf(c) ? Rules.Fields.Names.Role(inventory.RoleOf(c)) : "ca");
            if (inventory.RoleSourceOf(c) is { } s) w.WriteString("roleSource", s);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static string Role(UsageRole role) => role.ToString().ToLowerInvariant();

    /// <summary>An on/off setting the format states (nothing when it does not), with where it is set or "(default)".</summary>
    private static void Switch(TextWriter w, string name, bool? on, SourceLocation? at)
    {
        if (on is { } value) w.WriteLine($"    {name,-12} {(value ? "on" : "off")}{(at is { } a ? $" ({a.File.RelativePath}:{a.StartLine})" : " (default)")}");
    }

    private static string? Resolved(FileReference r, string root) =>
        r.Embedded is not null ? $"embedded in {r.At.File.RelativePath}" :
        r.ResolvedFullPath is { } p && File.Exists(p) ? Path.GetRelativePath(root, p).Replace('\\', '/') : null;

    private static void Reference(TextWriter w, string what, FileReference? r, string root)
    {
        if (r is null) return;
        var resolved = Resolved(r, root);
        w.WriteLine($"    {what,-12} {r.Path}{(resolved is null ? "  (not found)" : resolved == r.Path ? "" : $"  -> {resolved}")}  ({r.Source})");
    }

    private static void JsonReference(Utf8JsonWriter w, string? name, FileReference? r, string root)
    {
        if (r is null) return;
        if (name is null) w.WriteStartObject(); else w.WriteStartObject(name);
        w.WriteString("path", r.Path);
        w.WriteString("directive", r.Directive);
        w.WriteString("file", r.At.File.RelativePath);
        w.WriteNumber("line", r.At.StartLine);
        if (Resolved(r, root) is { } resolved) w.WriteString("resolved", resolved); else w.WriteNull("resolved");
        w.WriteEndObject();
    }
}
