using CertLint.Model;
using CertLint.Rules.Primitives;
using CertLint.Rules.Primitives.DomainNames;
using static CertLint.Rules.Fields.FieldCatalog;
using T = CertLint.Rules.Fields.FieldType;

namespace CertLint.Rules.Fields;

/// <summary>
/// A DNS name split by the Public Suffix List (ICANN section, default rule "*": an unknown top-level domain is its own
/// suffix), as the CA/B Forum and RFC 5280 lints of zlint split it: <c>www.shop.example.co.uk</c> has suffix
/// <c>co.uk</c>, second-level domain <c>example</c> and third-level part <c>www.shop</c>.
/// </summary>
/// <param name="Name">The name as written.</param>
/// <param name="Source"><c>cn</c> (the subject commonName) or <c>san</c> (a subjectAltName dNSName).</param>
/// <param name="Parsed">The name is a registrable domain or below it; false when it is itself a public suffix
/// (<c>co.uk</c>), empty or starts with a dot: then suffix, sld and trd are absent.</param>
/// <param name="BareTld">The whole name is a top-level domain (<c>com</c>).</param>
public sealed record DomainName(string Name, string Source, bool Parsed, string? Suffix, string? Sld, string? Trd, bool BareTld)
{
    /// <summary>For a name ending in ".onion": the label left of "onion" (the onion address), else null.</summary>
    public string? OnionLabel => OnionAddress.Label(Name);

    /// <summary>For a name ending in ".onion": whether that label is a valid v3 onion address (checksum, version 3).</summary>
    public bool? OnionV3 => OnionLabel is { } label ? OnionAddress.IsValidV3(label) : null;

    /// <summary>For a name in in-addr.arpa or ip6.arpa: the address it spells (null when malformed).</summary>
    internal ReverseDnsName.Reading? Reverse => ReverseDnsName.Read(Name);
}

/// <summary>Fields over the host names of a certificate: normalised for comparison, or split by the Public Suffix List.</summary>
internal static class DomainNameFields
{
    public static IEnumerable<FieldDefinition> Define()
    {
        yield return Cert("domains", T.Records,
            "The DNS names zlint's CA/B Forum lints check (the subject CN unless empty or an IP address, then every SAN dNSName), split by the Public Suffix List: name, source, parsed, suffix, sld, trd, bareTld",
            Domains, RecordScopes.DomainName);
        yield return Cert("san.dns.domains", T.Records, "Every SAN dNSName split by the Public Suffix List (as `domains`)",
            SanDomains, RecordScopes.DomainName);
        // Hosts compare as clients compare them (RFC 6125 §6.4): `in: { field: san.hosts }` is a host comparison, not text.
        yield return Cert("subject.cn.host", T.String,
            "The subject CN as a host: an IP address in canonical form (compared by value), else the DNS name in lower-case A-labels (IDNs converted) without a trailing dot",
            c => c.Subject.CommonName is { } cn ? HostnameMatcher.Host(cn) : null);
        yield return Cert("san.hosts", T.List,
            "SAN dNSName and iPAddress entries normalised like subject.cn.host (wildcards kept as written: *.example.com)",
            c => c.SubjectAltNames is { } s ? Hosts(s) : null);
    }

    // `domains` and `san.dns.domains` split the same SAN names, and the packs read both for every certificate: the
    // SAN splits of the certificate last asked on this thread are kept for the other field (records are immutable).
    [ThreadStatic] private static CertificateInfo? _sanOf;
    [ThreadStatic] private static DomainName[]? _sanDomains;

    private static DomainName[] SanDomains(CertificateInfo c)
    {
        if (ReferenceEquals(_sanOf, c) && _sanDomains is { } known) return known;
        var dns = c.SubjectAltNames?.Dns ?? [];
        var split = dns.Count == 0 ? [] : new DomainName[dns.Count];
        for (var i = 0; i < split.Length; i++) split[i] = Split(dns[i], "san");
        (_sanOf, _sanDomains) = (c, split);
        return split;
    }

    private static DomainName[] Domains(CertificateInfo c)
    {
        var san = SanDomains(c);
        if (c.Subject.CommonName is not { Length: > 0 } cn || ReservedIps.ParseOrNull(cn) is not null) return san;
        // A CN repeats one of the SAN names nearly always: its parts are that split's, only the source differs.
        DomainName? same = null;
        for (var i = 0; i < san.Length && same is null; i++) same = san[i].Name == cn ? san[i] : null;
        return [same is null ? Split(cn, "cn") : same with { Source = "cn" }, .. san];
    }

    private static string[] Hosts(SubjectAltNames san)
    {
        List<string>? hosts = null;
        foreach (var names in (ReadOnlySpan<IReadOnlyList<string>>)[san.Dns, san.Ip])
        {
            for (var i = 0; i < names.Count; i++)
            {
                if (HostnameMatcher.Host(names[i]) is { } host) (hosts ??= []).Add(host);
            }
        }
        return hosts is null ? [] : [.. hosts];
    }

    internal static DomainName Split(string name, string source)
    {
        var psl = PublicSuffixList.Default;
        var bareTld = name.Length > 0 && !name.Contains('.') && psl.HasKnownTld(name);
        var lower = name.ToLowerInvariant();
        if (lower.Length == 0 || lower[0] == '.') return new DomainName(name, source, false, null, null, null, bareTld);
        var suffix = psl.SuffixOf(lower);
        if (suffix.Length >= lower.Length) return new DomainName(name, source, false, suffix, null, null, bareTld);
        var rest = lower[..(lower.Length - suffix.Length - 1)];
        var dot = rest.LastIndexOf('.');
        return new DomainName(name, source, true, suffix, rest[(dot + 1)..], dot < 0 ? "" : rest[..dot], bareTld);
    }
}
