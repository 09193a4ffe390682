using CertLint.Findings;
using CertLint.Model;

namespace CertLint.Usage.Checks;

/// <summary>How a server certificate is judged against the name a client requires of it (<see cref="PeerNameSettings"/>).</summary>
public static class PeerNameMatch
{
    /// <summary>
    /// OpenSSL's short names for the attributes OpenVPN prints a subject with (X509_NAME_print_ex, XN_FLAG_FN_SN);
    /// a subject with any other attribute is not compared, since its printed form is not known here.
    /// </summary>
    private static readonly Dictionary<string, string> ShortNames = new(StringComparer.Ordinal)
    {
        ["2.5.4.6"] = "C", ["2.5.4.8"] = "ST", ["2.5.4.7"] = "L", ["2.5.4.10"] = "O", ["2.5.4.11"] = "OU",
        ["2.5.4.3"] = "CN", ["1.2.840.113549.1.9.1"] = "emailAddress", ["2.5.4.5"] = "serialNumber",
        ["0.9.2342.19200300.100.1.25"] = "DC", ["0.9.2342.19200300.100.1.1"] = "UID", ["2.5.4.9"] = "street",
        ["2.5.4.12"] = "title", ["2.5.4.42"] = "GN", ["2.5.4.4"] = "SN", ["2.5.4.17"] = "postalCode",
    };

    /// <summary>
    /// Whether the certificate carries the required name: true, false, or null when that cannot be told (a subject with
    /// an attribute or a character OpenVPN would print otherwise than CertLint reads it).
    /// </summary>
    public static bool? Carries(CertificateInfo cert, string name, string type)
    {
        if (type == "subject")
        {
            // A "+" in the name joins a multi-valued RDN, which the model keeps as separate attributes: not compared.
            var printed = name.Contains('+') ? null : Printed(cert.Subject);
            return printed is null ? null : string.Equals(printed, name, StringComparison.Ordinal);
        }
        // OpenVPN takes the last common name of the subject (extract_x509_field_ssl walks to the last index).
        var cn = cert.Subject.Attributes.LastOrDefault(a => a.Oid == Oids.CommonName)?.Value;
        if (cn is null) return false;
        if (!IsPlain(cn)) return null;
        return type == "name-prefix" ? cn.StartsWith(name, StringComparison.Ordinal) : cn == name;
    }

    /// <summary>What the certificate shows for that type: its printed subject or its common name, for the message.</summary>
    public static string Shown(CertificateInfo cert, string type) =>
        type == "subject"
            ? $"subject is {SafeText.Quote(Printed(cert.Subject) ?? cert.Subject.Text)}"
            : cert.Subject.Attributes.LastOrDefault(a => a.Oid == Oids.CommonName)?.Value is { } cn ? $"common name is {SafeText.Quote(cn)}" : "subject has no common name";

    /// <summary>What the client asks, in words.</summary>
    public static string Asked(string name, string type) => type switch
    {
        "subject" => $"the subject {SafeText.Quote(name)}",
        "name-prefix" => $"a common name starting with {SafeText.Quote(name)}",
        _ => $"the common name {SafeText.Quote(name)}",
    };

    /// <summary>
    /// The subject as OpenVPN prints it (C=KG, ST=NA, L=Bishkek, CN=Server-1: encoding order, ", " between attributes),
    /// or null when an attribute or value would print otherwise.
    /// </summary>
    private static string? Printed(DistinguishedName subject)
    {
        var parts = new List<string>(subject.Attributes.Count);
        foreach (var a in subject.Attributes)
        {
            if (!ShortNames.TryGetValue(a.Oid, out var shortName) || !IsPlain(a.Value)) return null;
            parts.Add($"{shortName}={a.Value}");
        }
        return string.Join(", ", parts);
    }

    /// <summary>Printable ASCII without the separators a printed name would make ambiguous.</summary>
    private static bool IsPlain(string value) =>
        value.Length > 0 && value.All(c => c is >= ' ' and <= '~' && c is not (',' or '+' or '=' or '/' or '"' or '\\'));
}
