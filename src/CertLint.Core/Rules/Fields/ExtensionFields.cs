using CertLint.Model;
using static CertLint.Rules.Fields.FieldCatalog;
using T = CertLint.Rules.Fields.FieldType;

namespace CertLint.Rules.Fields;

/// <summary>Rule language v2 extension fields: generic (by OID) and every extension of RFC 5280 §4.2, decoded.</summary>
internal static class ExtensionFields
{
    /// <summary>Short field names of the RFC 5280 extensions and the CA/B Forum TorServiceDescriptor and cabfOrganizationIdentifier, and RFC 3739's qcStatements (the one table of extension names).</summary>
    public static readonly IReadOnlyDictionary<string, string> Named = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["aki"] = "2.5.29.35", ["ski"] = "2.5.29.14", ["keyUsage"] = "2.5.29.15", ["policies"] = "2.5.29.32",
        ["policyMappings"] = "2.5.29.33", ["san"] = "2.5.29.17", ["ian"] = "2.5.29.18", ["subjectDirectoryAttributes"] = "2.5.29.9",
        ["basicConstraints"] = "2.5.29.19", ["nameConstraints"] = "2.5.29.30", ["policyConstraints"] = "2.5.29.36",
        ["eku"] = "2.5.29.37", ["crldp"] = "2.5.29.31", ["inhibitAnyPolicy"] = "2.5.29.54", ["freshestCrl"] = "2.5.29.46",
        ["aia"] = "1.3.6.1.5.5.7.1.1", ["sia"] = "1.3.6.1.5.5.7.1.11", ["torServiceDescriptor"] = "2.23.140.1.31",
        ["cabfOrganizationIdentifier"] = "2.23.140.3.1", ["qcStatements"] = "1.3.6.1.5.5.7.1.3", ["tlsFeature"] = "1.3.6.1.5.5.7.1.24",
    };

    private static readonly Dictionary<string, string> NameByOid = Named.ToDictionary(n => n.Value, n => n.Key, StringComparer.Ordinal);

    /// <summary>Fields outside the EXT.* names whose values come from decoding one extension.</summary>
    private static readonly Dictionary<string, string> DecodedAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ca"] = "2.5.29.19", ["crl"] = "2.5.29.31",
    };

    /// <summary>Fields that name an undecodable value as one of their problems (the EV Guidelines' well-formedness rules).</summary>
    private static readonly HashSet<string> JudgeUndecodable = new(StringComparer.OrdinalIgnoreCase)
    {
        "cabfOrganizationIdentifier.problem", "torServiceDescriptor.problem",
    };

    /// <summary>
    /// The extension whose decoded value the certificate field <paramref name="path"/> reads (`keyUsage.keyCertSign`,
    /// `san.dns`, `ca`, ...), or null for a field that does not decode one (`EXT.present`, `EXT.critical`,
    /// `EXT.malformed`, `extensions.*`, the issuer's fields) or that reports an undecodable value itself.
    /// </summary>
    public static string? DecodedFrom(string path)
    {
        if (DecodedAliases.TryGetValue(path, out var alias)) return alias;
        if (JudgeUndecodable.Contains(path)) return null;
        var dot = path.IndexOf('.');
        if (!Named.TryGetValue(dot < 0 ? path : path[..dot], out var oid)) return null;
        var rest = dot < 0 ? "" : path[(dot + 1)..];
        return rest.Equals("present", StringComparison.OrdinalIgnoreCase) || rest.Equals("critical", StringComparison.OrdinalIgnoreCase)
            || rest.Equals("malformed", StringComparison.OrdinalIgnoreCase) ? null : oid;
    }

    /// <summary>The short field name of an extension (san, aki, ...) or its OID.</summary>
    public static string NameOf(string oid) => NameByOid.GetValueOrDefault(oid, oid);

    private static readonly (string Name, KeyUsageFlags Flag)[] KeyUsageBits =
    [
        ("digitalSignature", KeyUsageFlags.DigitalSignature), ("nonRepudiation", KeyUsageFlags.NonRepudiation),
        ("contentCommitment", KeyUsageFlags.NonRepudiation), ("keyEncipherment", KeyUsageFlags.KeyEncipherment),
        ("dataEncipherment", KeyUsageFlags.DataEncipherment), ("keyAgreement", KeyUsageFlags.KeyAgreement),
        ("keyCertSign", KeyUsageFlags.KeyCertSign), ("cRLSign", KeyUsageFlags.CrlSign),
        ("encipherOnly", KeyUsageFlags.EncipherOnly), ("decipherOnly", KeyUsageFlags.DecipherOnly),
    ];

    public static IEnumerable<FieldDefinition> Define()
    {
        yield return Cert("extensions.count", T.Integer, "Number of extensions", c => (long)c.Extensions.Count);
        yield return Cert("extensions.duplicates", T.List, "OIDs that occur more than once",
            c => Repeated(c.Extensions, static e => e.Oid));
        yield return Cert("extensions.entries", T.Records, "Every extension: oid, name, critical, length, malformed", c => c.Extensions, RecordScopes.Extension);
        foreach (var (name, oid) in Named)
        {
            yield return Cert($"{name}.present", T.Boolean, $"The {name} extension ({oid}) is present", c => Find(c, oid) is not null);
            yield return Cert($"{name}.critical", T.Boolean, $"The {name} extension is critical (absent when it is)", c => Find(c, oid)?.Critical);
            yield return Cert($"{name}.malformed", T.Boolean, $"The {name} extension cannot be decoded (absent when it is)",
                c => Find(c, oid) is null ? null : c.Details.Malformed.Contains(oid));
        }
        yield return Cert("aki.keyId", T.String, "AKI keyIdentifier (hex)", c => Get<AkiDetails>(c, "2.5.29.35")?.KeyId);
        yield return Cert("aki.keyId.length", T.Integer, "AKI keyIdentifier octets", c => Get<AkiDetails>(c, "2.5.29.35")?.KeyId is { } k ? (long)k.Length / 2 : null);
        yield return Cert("aki.issuer", T.List, "AKI authorityCertIssuer names", c => Get<AkiDetails>(c, "2.5.29.35")?.Issuer);
        yield return Cert("aki.serial", T.String, "AKI authorityCertSerialNumber (hex)", c => Get<AkiDetails>(c, "2.5.29.35")?.Serial);
        yield return Cert("ski.length", T.Integer, "SKI octets", c => Get<OctetsDetails>(c, "2.5.29.14") is { } s ? (long)s.Hex.Length / 2 : null);
        foreach (var (bit, flag) in KeyUsageBits)
            yield return Cert($"keyUsage.{bit}", T.Boolean, $"keyUsage bit {bit} is set (absent without the extension)", c => Get<KeyUsageDetails>(c, "2.5.29.15") is { } k ? (k.Flags & flag) != 0 : null);
        yield return Cert("keyUsage.empty", T.Boolean, "keyUsage has no bit set", c => Get<KeyUsageDetails>(c, "2.5.29.15") is { } k ? k.Flags == KeyUsageFlags.None : null);
        yield return Cert("keyUsage.der", T.Boolean, "keyUsage BIT STRING is DER-minimal (no trailing zero bits)", c => Get<KeyUsageDetails>(c, "2.5.29.15")?.MinimalDer);
        yield return Cert("policies.entries", T.Records, "certificatePolicies: oid, qualifiers", c => Get<PoliciesDetails>(c, "2.5.29.32")?.Entries, RecordScopes.Policy);
        yield return Cert("policies.duplicates", T.List, "Policy OIDs listed more than once",
            c => Get<PoliciesDetails>(c, "2.5.29.32") is { } p ? Repeated(p.Entries, static e => e.Oid) : null);
        yield return Cert("policyMappings", T.Records, "policyMappings: issuerDomainPolicy, subjectDomainPolicy", c => Get<PolicyMappingsDetails>(c, "2.5.29.33")?.Mappings, RecordScopes.PolicyMapping);
        foreach (var f in GeneralNameFields("san", "2.5.29.17")) yield return f;
        foreach (var f in GeneralNameFields("ian", "2.5.29.18")) yield return f;
        yield return Cert("subjectDirectoryAttributes", T.List, "subjectDirectoryAttributes attribute OIDs", c => Get<AttributesDetails>(c, "2.5.29.9")?.Oids);
        yield return Cert("nameConstraints.permitted", T.Records, "permittedSubtrees: type, value, minimum, maximum", c => Get<NameConstraintsDetails>(c, "2.5.29.30")?.Permitted, RecordScopes.Subtree);
        yield return Cert("nameConstraints.excluded", T.Records, "excludedSubtrees: type, value, minimum, maximum", c => Get<NameConstraintsDetails>(c, "2.5.29.30")?.Excluded, RecordScopes.Subtree);
        yield return Cert("policyConstraints.requireExplicitPolicy", T.Integer, "policyConstraints requireExplicitPolicy", c => Get<PolicyConstraintsDetails>(c, "2.5.29.36")?.RequireExplicitPolicy);
        yield return Cert("policyConstraints.inhibitPolicyMapping", T.Integer, "policyConstraints inhibitPolicyMapping", c => Get<PolicyConstraintsDetails>(c, "2.5.29.36")?.InhibitPolicyMapping);
        yield return Cert("policyConstraints.empty", T.Boolean, "policyConstraints has neither field", c => Get<PolicyConstraintsDetails>(c, "2.5.29.36") is { } p ? p.RequireExplicitPolicy is null && p.InhibitPolicyMapping is null : null);
        yield return Cert("crldp.entries", T.Records, "cRLDistributionPoints: fullName, relativeName, reasons, crlIssuer", c => Get<DistributionPointsDetails>(c, "2.5.29.31")?.Points, RecordScopes.DistributionPoint);
        yield return Cert("freshestCrl.entries", T.Records, "freshestCRL distribution points", c => Get<DistributionPointsDetails>(c, "2.5.29.46")?.Points, RecordScopes.DistributionPoint);
        yield return Cert("inhibitAnyPolicy", T.Integer, "inhibitAnyPolicy skipCerts", c => Get<SkipCertsDetails>(c, "2.5.29.54")?.SkipCerts);
        yield return Cert("tlsFeature.features", T.List, "TLS feature extension (RFC 7633): the TLS extension types the server must support, as numbers (5: status_request)",
            c => Get<TlsFeaturesDetails>(c, "1.3.6.1.5.5.7.1.24")?.Features.Select(f => f.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        yield return Cert("tlsFeature.statusRequest", T.Boolean, "TLS feature extension lists status_request (5): \"must-staple\", the server must staple an OCSP response; absent without the extension",
            c => Get<TlsFeaturesDetails>(c, "1.3.6.1.5.5.7.1.24")?.StatusRequest);
        yield return Cert("aia.entries", T.Records, "authorityInfoAccess: method, type, value", c => Get<AccessDetails>(c, "1.3.6.1.5.5.7.1.1")?.Entries, RecordScopes.Access);
        yield return Cert("sia.entries", T.Records, "subjectInfoAccess: method, type, value", c => Get<AccessDetails>(c, "1.3.6.1.5.5.7.1.11")?.Entries, RecordScopes.Access);
    }

    private static IEnumerable<FieldDefinition> GeneralNameFields(string prefix, string oid)
    {
        IReadOnlyList<GeneralNameEntry>? Entries(CertificateInfo c) => Get<GeneralNamesDetails>(c, oid)?.Entries;
        string[]? OfType(CertificateInfo c, string type) => Entries(c) is { } e ? ValuesOfType(e, type) : null;
        yield return Cert($"{prefix}.entries", T.Records, $"Every {prefix} GeneralName: type, value, length, valid", Entries, RecordScopes.GeneralName);
        yield return Cert($"{prefix}.count", T.Integer, $"Number of {prefix} entries", c => Entries(c) is { } e ? (long)e.Count : null);
        yield return Cert($"{prefix}.dirName", T.List, $"{prefix} directoryName entries (RFC 4514)", c => OfType(c, "dirName"));
        yield return Cert($"{prefix}.dirName.emails", T.List, $"The emailAddress attribute values inside the {prefix} directoryName entries, in order",
            c => Entries(c) is { } e ? DirNameEmails(e) : null);
        yield return Cert($"{prefix}.otherName", T.List, $"{prefix} otherName type OIDs", c => OfType(c, "otherName"));
        yield return Cert($"{prefix}.smtpUtf8Mailbox", T.List, $"{prefix} id-on-SmtpUTF8Mailbox otherName values (RFC 8398 internationalized mailbox addresses)",
            c => Entries(c) is { } e ? SmtpUtf8Mailboxes(e) : null);
        yield return Cert($"{prefix}.registeredId", T.List, $"{prefix} registeredID OIDs", c => OfType(c, "registeredId"));
        if (prefix != "ian") yield break;
        yield return Cert("ian", T.List, "Every issuerAltName value", c => Entries(c) is { } e ? ValuesOfType(e, null) : null);
        foreach (var type in new[] { "dns", "email", "uri", "ip" })
            yield return Cert($"ian.{type}", T.List, $"issuerAltName {type} entries", c => OfType(c, type));
    }

    private static string[] SmtpUtf8Mailboxes(IReadOnlyList<GeneralNameEntry> entries)
    {
        List<string>? values = null;
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Mailbox is { } m) (values ??= []).Add(m);
        }
        return values is null ? [] : [.. values];
    }

    private static string[] DirNameEmails(IReadOnlyList<GeneralNameEntry> entries)
    {
        List<string>? values = null;
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].DirNameEmails is { } emails) (values ??= []).AddRange(emails);
        }
        return values is null ? [] : [.. values];
    }

    /// <summary>By index: a foreach over the IReadOnlyList would box its enumerator on every read.</summary>
    internal static ExtensionInfo? Find(CertificateInfo c, string oid)
    {
        var extensions = c.Extensions;
        for (var i = 0; i < extensions.Count; i++)
        {
            if (extensions[i].Oid == oid) return extensions[i];
        }
        return null;
    }

    /// <summary>The values of the entries of one type (every entry when null), in order; no allocation when none match.</summary>
    private static string[] ValuesOfType(IReadOnlyList<GeneralNameEntry> entries, string? type)
    {
        var count = 0;
        for (var i = 0; i < entries.Count; i++) count += type is null || entries[i].Type == type ? 1 : 0;
        if (count == 0) return [];
        var values = new string[count];
        for (int i = 0, k = 0; i < entries.Count; i++)
        {
            if (type is null || entries[i].Type == type) values[k++] = entries[i].Value;
        }
        return values;
    }

    /// <summary>OIDs of the critical extensions not in <paramref name="known"/> (a CRL's, a CRL entry's).</summary>
    internal static string[] UnknownCritical(IReadOnlyList<ExtensionInfo> extensions, IReadOnlySet<string> known)
    {
        List<string>? found = null;
        for (var i = 0; i < extensions.Count; i++)
        {
            if (extensions[i].Critical && !known.Contains(extensions[i].Oid)) (found ??= []).Add(extensions[i].Oid);
        }
        return found is null ? [] : [.. found];
    }

    /// <summary>The longest list <see cref="Repeated"/> compares pairwise: above it, one pass with a dictionary.</summary>
    private const int PairwiseRepeated = 16;

    /// <summary>
    /// Keys that occur more than once, each once as first written, in order of first occurrence. A list of a few
    /// entries is compared pairwise (nothing allocated for the usual answer, none); a longer one is counted in a
    /// dictionary, since the scanned file sets the length (300,000 policies or SAN names in one certificate took
    /// minutes pairwise).
    /// </summary>
    internal static string[] Repeated<TItem>(IReadOnlyList<TItem> items, Func<TItem, string> key, StringComparison comparison = StringComparison.Ordinal)
    {
        List<string>? found = null;
        if (items.Count > PairwiseRepeated)
        {
            var counts = new Dictionary<string, (string First, int Count)>(items.Count, StringComparer.FromComparison(comparison));
            for (var i = 0; i < items.Count; i++)
            {
                var k = key(items[i]);
                counts[k] = counts.TryGetValue(k, out var seen) ? (seen.First, seen.Count + 1) : (k, 1);
            }
            for (var i = 0; i < items.Count; i++)
            {
                var k = key(items[i]);
                if (counts.TryGetValue(k, out var seen) && seen.Count > 1) (found ??= []).Add(seen.First);
                counts.Remove(k);
            }
            return found is null ? [] : [.. found];
        }
        for (var i = 0; i < items.Count; i++)
        {
            var k = key(items[i]);
            var seenBefore = false;
            for (var j = 0; j < i && !seenBefore; j++) seenBefore = string.Equals(key(items[j]), k, comparison);
            if (seenBefore) continue;
            for (var j = i + 1; j < items.Count; j++)
            {
                if (!string.Equals(key(items[j]), k, comparison)) continue;
                (found ??= []).Add(k);
                break;
            }
        }
        return found is null ? [] : [.. found];
    }

    /// <summary>The decoded extension <paramref name="oid"/> as <typeparamref name="TDetails"/>; null when absent, undecodable or of another kind.</summary>
    internal static TDetails? Get<TDetails>(CertificateInfo c, string oid) where TDetails : class =>
        c.Details.Extension(oid) as TDetails;

    /// <summary>extensions.OID.present / critical / count / length / malformed, for any OID.</summary>
    public static FieldDefinition? ByOid(string path, string oid, string what) => what.ToLowerInvariant() switch
    {
        "present" => Cert(path, T.Boolean, $"Extension {oid} is present", c => Find(c, oid) is not null),
        "critical" => Cert(path, T.Boolean, $"Extension {oid} is critical (absent when it is)", c => Find(c, oid)?.Critical),
        "count" => Cert(path, T.Integer, $"How many {oid} extensions there are", c => (long)CountOf(c.Extensions, oid)),
        "length" => Cert(path, T.Integer, $"extnValue octets of extension {oid}", c => Find(c, oid) is { } e ? (long)e.Value.Length : null),
        "malformed" => Cert(path, T.Boolean, $"Extension {oid} cannot be decoded", c => Find(c, oid) is null ? null : c.Details.Malformed.Contains(oid)),
        _ => null,
    };

    private static int CountOf(IReadOnlyList<ExtensionInfo> extensions, string oid)
    {
        var n = 0;
        for (var i = 0; i < extensions.Count; i++) n += extensions[i].Oid == oid ? 1 : 0;
        return n;
    }
}
