using CertLint.Model;
using CertLint.Rules.Primitives.DomainNames;
using static CertLint.Rules.Fields.FieldCatalog;
using T = CertLint.Rules.Fields.FieldType;

namespace CertLint.Rules.Fields;

/// <summary>
/// The TorServiceDescriptor extension (2.23.140.1.31, EV Guidelines Appendix F, BR Ballot 201 / SC27) judged as zlint's
/// e_ext_tor_service_descriptor_hash_invalid judges it: every descriptor an https onion URI whose host is the
/// eTLD+1 of an onion name of the certificate, once, with a SHA-256/384/512 hash of the right length; in an EV
/// certificate every onion name covered. Host names compare as written (case-sensitive), as zlint compares them.
/// </summary>
internal static class TorServiceDescriptorFields
{
    private const string Oid = "2.23.140.1.31";

    private static readonly Dictionary<string, (string Name, int Bits)> Hashes = new(StringComparer.Ordinal)
    {
        ["2.16.840.1.101.3.4.2.1"] = ("SHA256", 256), ["2.16.840.1.101.3.4.2.2"] = ("SHA384", 384), ["2.16.840.1.101.3.4.2.3"] = ("SHA512", 512),
    };

    public static IEnumerable<FieldDefinition> Define()
    {
        yield return Cert("torServiceDescriptor.onionUris", T.List, "The onionURI of every TorServiceDescriptorHash (absent without the extension or when it cannot be decoded)",
            c => Descriptors(c)?.Select(d => d.OnionUri).ToArray());
        yield return Cert("onionV2", T.Boolean, "The subject CN or a SAN dNSName is a version 2 onion address (zlint's IsOnionV2Cert: first label 16 base32 characters, name ending in onion)",
            c => AnyOnionV2(c));
        yield return Cert("torServiceDescriptor.problem", T.String,
            "Why the TorServiceDescriptor extension does not describe the certificate's onion names (zlint e_ext_tor_service_descriptor_hash_invalid); absent when it does",
            Problem);
    }

    private static IReadOnlyList<TorServiceDescriptor>? Descriptors(CertificateInfo c) =>
        ExtensionFields.Get<TorServiceDescriptorsDetails>(c, Oid)?.Entries;

    /// <summary>zlint's subjects: every SAN dNSName and the subject CN (empty when absent).</summary>
    private static IEnumerable<string> Names(CertificateInfo c) => (c.SubjectAltNames?.Dns ?? []).Append(c.Subject.CommonName ?? "");

    /// <summary>Whether any of <see cref="Names"/> is a v2 onion name, without the iterators: read for every certificate.</summary>
    private static bool AnyOnionV2(CertificateInfo c)
    {
        if (c.SubjectAltNames?.Dns is { } dns)
        {
            for (var i = 0; i < dns.Count; i++)
            {
                if (OnionAddress.IsV2(dns[i])) return true;
            }
        }
        return OnionAddress.IsV2(c.Subject.CommonName ?? "");
    }

    /// <summary>The host of an absolute URL with its case kept (as Go's url.Hostname(); Uri.Host lower-cases it): zlint compares hosts as written.</summary>
    private static string HostAsWritten(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal) + 3;
        var end = url.IndexOfAny(['/', '?', '#'], start);
        var authority = end < 0 ? url[start..] : url[start..end];
        authority = authority[(authority.LastIndexOf('@') + 1)..];
        if (authority.StartsWith('[')) return authority[1..Math.Max(1, authority.IndexOf(']', StringComparison.Ordinal))];
        var colon = authority.LastIndexOf(':');
        return colon < 0 ? authority : authority[..colon];
    }

    private static string? Problem(CertificateInfo c)
    {
        if (ExtensionFields.Find(c, Oid) is null) return $"it names a .onion domain but has no TorServiceDescriptor extension ({Oid})";
        if (c.Details.Malformed.Contains(Oid)) return $"its TorServiceDescriptor extension ({Oid}) cannot be decoded";
        if (Descriptors(c) is not { Count: > 0 } descriptors) return "its TorServiceDescriptor extension holds no TorServiceDescriptorHash";

        // The eTLD+1 (last two labels) of every onion name, as zlint's map.
        var onions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Names(c).Where(n => n.EndsWith(".onion", StringComparison.Ordinal)))
        {
            var labels = name.Split('.');
            onions.TryAdd(string.Join('.', labels[^2..]), name);
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in descriptors)
        {
            if (!Uri.TryCreate(d.OnionUri, UriKind.Absolute, out var uri)) return $"TorServiceDescriptorHash onion URI '{d.OnionUri}' is not a URL";
            if (uri.Host.Length == 0) return $"TorServiceDescriptorHash onion URI '{d.OnionUri}' has no host name";
            if (uri.Scheme != Uri.UriSchemeHttps) return $"TorServiceDescriptorHash onion URI '{d.OnionUri}' is not https";
            if (!Hashes.TryGetValue(d.AlgorithmOid, out var hash)) return $"TorServiceDescriptorHash for '{d.OnionUri}' uses hash algorithm {d.AlgorithmOid}, not SHA-256, SHA-384 or SHA-512";
            if (hash.Bits != d.HashBits) return $"TorServiceDescriptorHash for '{d.OnionUri}' has {d.HashBits} bits of {hash.Name} hash, not {hash.Bits}";
            var host = HostAsWritten(d.OnionUri);
            if (!seen.Add(host)) return $"more than one TorServiceDescriptorHash for onion host {host}";
            if (!onions.ContainsKey(host)) return $"TorServiceDescriptorHash onion host {host} is not an onion name of the certificate";
        }
        // EV certificates: every onion name needs a descriptor for its eTLD+1 (CA/B Forum documents issue 190).
        if (c.Policies?.Any(CabfFields.IsEvPolicy) == true && onions.FirstOrDefault(o => !seen.Contains(o.Key)) is { Key: not null } missing)
            return $"onion name {missing.Value} has no TorServiceDescriptorHash for {missing.Key}";
        return null;
    }
}
