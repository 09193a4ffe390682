using System.Formats.Asn1;
using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Inventory.Paths;

/// <summary>
/// What path validation needs from one certificate beyond the model: all SAN forms, name constraints, the policy
/// extensions, distribution points, and which extensions are unknown-critical, duplicated or malformed.
/// Decoded once per certificate per run (<see cref="PathFactsCache"/>).
/// </summary>
internal sealed class PathFacts
{
    public const string NameConstraintsOid = "2.5.29.30";
    public const string PolicyMappingsOid = "2.5.29.33";
    public const string PolicyConstraintsOid = "2.5.29.36";
    public const string InhibitAnyPolicyOid = "2.5.29.54";
    private const string IssuerAltNameOid = "2.5.29.18";
    private const string SubjectDirectoryAttributesOid = "2.5.29.9";
    private const string FreshestCrlOid = "2.5.29.46";

    /// <summary>Extensions path validation processes (RFC 5280 §4.2 and §6.1); any other critical one fails the path.
    /// id-pkix-ocsp-nocheck (RFC 6960 §4.2.2.2.1, a NULL) only tells an OCSP client not to check a responder's own
    /// status and constrains no path: knowing it is processing it, so a critical one (RFC 6960's SHOULD be non-critical)
    /// is no reason to reject, as in OpenSSL's verify suite ("accept critical OCSP No Check").</summary>
    public static readonly IReadOnlySet<string> Processed = new HashSet<string>(StringComparer.Ordinal)
    {
        Oids.BasicConstraints, Oids.KeyUsage, Oids.ExtendedKeyUsage, Oids.SubjectAltName, Oids.SubjectKeyIdentifier,
        Oids.AuthorityKeyIdentifier, Oids.CertificatePolicies, Oids.CrlDistributionPoints, NameConstraintsOid,
        PolicyMappingsOid, PolicyConstraintsOid, InhibitAnyPolicyOid, IssuerAltNameOid, SubjectDirectoryAttributesOid,
        FreshestCrlOid, Oids.AuthorityInfoAccess, Oids.OcspNoCheck,
    };

    public List<GeneralName>? SubjectAltNames { get; private set; }
    public NameConstraints? NameConstraints { get; private set; }
    public List<(string IssuerDomain, string SubjectDomain)>? PolicyMappings { get; private set; }
    public int? RequireExplicitPolicy { get; private set; }
    public int? InhibitPolicyMapping { get; private set; }
    public int? InhibitAnyPolicy { get; private set; }
    public IReadOnlyList<CrlDistributionPoint> DistributionPoints { get; private set; } = [];
    public List<string> UnknownCritical { get; } = [];
    /// <summary>Problems that make the certificate unusable in any path: duplicated or undecodable extensions.</summary>
    public List<string> Malformed { get; } = [];

    /// <summary>Distinct unknown critical OIDs kept per certificate: one is enough to reject it, a few name the problem, and
    /// a hostile certificate can hold tens of thousands (each becomes a path problem and a line of a message).</summary>
    public const int MaxUnknownCritical = 8;

    /// <summary>The certificate's critical extensions path validation does not process (distinct, at most
    /// <see cref="MaxUnknownCritical"/>), without decoding any extension.</summary>
    public static IReadOnlyList<string> UnknownCriticalOf(CertificateInfo cert)
    {
        List<string>? oids = null;
        HashSet<string>? seen = null;
        foreach (var ext in cert.Extensions)
        {
            if (!ext.Critical || Processed.Contains(ext.Oid) || !(seen ??= new(StringComparer.Ordinal)).Add(ext.Oid)) continue;
            (oids ??= []).Add(ext.Oid);
            if (oids.Count == MaxUnknownCritical) break;
        }
        return oids ?? (IReadOnlyList<string>)[];
    }

    public static PathFacts Of(CertificateInfo cert)
    {
        var facts = new PathFacts();
        facts.UnknownCritical.AddRange(UnknownCriticalOf(cert));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ext in cert.Extensions)
        {
            // RFC 5280 §4.2: "A certificate MUST NOT include more than one instance of a particular extension."
            if (!seen.Add(ext.Oid)) facts.Malformed.Add($"extension {Describe(ext.Oid)} appears more than once");
            try
            {
                facts.Decode(ext);
            }
            catch (Exception e) when (e is AsnContentException or ArgumentException or FormatException or OverflowException)
            {
                facts.Malformed.Add($"extension {Describe(ext.Oid)} cannot be decoded ({e.Message.TrimEnd('.')})");
            }
        }
        // The model leaves a field null when its extension does not decode: that is malformed too.
        if (seen.Contains(Oids.BasicConstraints) && cert.BasicConstraints is null) facts.Malformed.Add("extension basicConstraints cannot be decoded");
        if (seen.Contains(Oids.KeyUsage) && cert.KeyUsage is null) facts.Malformed.Add("extension keyUsage cannot be decoded");
        if (seen.Contains(Oids.ExtendedKeyUsage) && cert.ExtendedKeyUsage is null) facts.Malformed.Add("extension extendedKeyUsage cannot be decoded");
        if (seen.Contains(Oids.CertificatePolicies) && cert.Policies is null) facts.Malformed.Add("extension certificatePolicies cannot be decoded");
        if (seen.Contains(Oids.SubjectKeyIdentifier) && cert.SubjectKeyIdentifier is null) facts.Malformed.Add("extension subjectKeyIdentifier cannot be decoded");
        if (seen.Contains(Oids.AuthorityInfoAccess) && cert.AuthorityInfoAccess is null) facts.Malformed.Add("extension authorityInfoAccess cannot be decoded");
        return facts;
    }

    private void Decode(ExtensionInfo ext)
    {
        switch (ext.Oid)
        {
            case Oids.SubjectAltName:
                SubjectAltNames = GeneralNames.ReadSequence(ext.Value);
                // RFC 5280 §4.2.1.6: the extension holds at least one name.
                if (SubjectAltNames.Count == 0) Malformed.Add("extension subjectAltName is empty");
                break;
            case NameConstraintsOid: NameConstraints = NameConstraints.Parse(ext.Value, ext.Critical); break;
            case PolicyMappingsOid: PolicyMappings = ReadMappings(ext.Value); break;
            case PolicyConstraintsOid: ReadPolicyConstraints(ext.Value); break;
            case InhibitAnyPolicyOid: InhibitAnyPolicy = Skip(new AsnReader(ext.Value, AsnEncodingRules.DER), out var n) ? n : throw new AsnContentException("inhibitAnyPolicy is out of range"); break;
            case Oids.CrlDistributionPoints: DistributionPoints = ExtensionDecoder.DistributionPoints(ext.Value); break;
        }
    }

    private static List<(string, string)> ReadMappings(ReadOnlyMemory<byte> value)
    {
        var list = new List<(string, string)>();
        var seq = new AsnReader(value, AsnEncodingRules.DER).ReadSequence();
        while (seq.HasData)
        {
            var mapping = seq.ReadSequence();
            list.Add((mapping.ReadObjectIdentifier(), mapping.ReadObjectIdentifier()));
            mapping.ThrowIfNotEmpty();
        }
        if (list.Count == 0) throw new AsnContentException("policyMappings is empty");
        return list;
    }

    private void ReadPolicyConstraints(ReadOnlyMemory<byte> value)
    {
        var seq = new AsnReader(value, AsnEncodingRules.DER).ReadSequence();
        var require = new Asn1Tag(TagClass.ContextSpecific, 0);
        var inhibit = new Asn1Tag(TagClass.ContextSpecific, 1);
        if (seq.HasData && seq.PeekTag().HasSameClassAndValue(require))
        {
            RequireExplicitPolicy = seq.TryReadInt32(out var r, require) && r >= 0 ? r : throw new AsnContentException("requireExplicitPolicy is out of range");
        }
        if (seq.HasData && seq.PeekTag().HasSameClassAndValue(inhibit))
        {
            InhibitPolicyMapping = seq.TryReadInt32(out var i, inhibit) && i >= 0 ? i : throw new AsnContentException("inhibitPolicyMapping is out of range");
        }
        seq.ThrowIfNotEmpty();
        // RFC 5280 §4.2.1.11: "Conforming CAs MUST NOT issue certificates where policyConstraints is an empty sequence."
        if (RequireExplicitPolicy is null && InhibitPolicyMapping is null) throw new AsnContentException("policyConstraints is empty");
    }

    private static bool Skip(AsnReader reader, out int value)
    {
        var ok = reader.TryReadInt32(out value) && value >= 0;
        reader.ThrowIfNotEmpty();
        return ok;
    }

    public static string Describe(string oid) => oid switch
    {
        Oids.SubjectAltName => "subjectAltName",
        NameConstraintsOid => "nameConstraints",
        PolicyMappingsOid => "policyMappings",
        PolicyConstraintsOid => "policyConstraints",
        InhibitAnyPolicyOid => "inhibitAnyPolicy",
        Oids.BasicConstraints => "basicConstraints",
        Oids.KeyUsage => "keyUsage",
        Oids.ExtendedKeyUsage => "extendedKeyUsage",
        Oids.CertificatePolicies => "certificatePolicies",
        Oids.CrlDistributionPoints => "cRLDistributionPoints",
        Oids.AuthorityKeyIdentifier => "authorityKeyIdentifier",
        Oids.SubjectKeyIdentifier => "subjectKeyIdentifier",
        Oids.AuthorityInfoAccess => "authorityInfoAccess",
        _ => oid,
    };
}
