using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.Rfc5280;

internal static partial class Rfc5280Fixtures
{
    /// <summary>Subject attribute upper bounds, string types and characters.</summary>
    private static void Subjects()
    {
        Bound("subject-common-name-too-long", Oids.CommonName, 64);
        Bound("subject-serial-number-too-long", Oids.SerialNumber, 64, PrintableString);
        Bound("subject-email-too-long", Oids.Email, 255, Ia5String);
        Bound("subject-given-name-too-long", Oids.GivenName, 32768);
        Bound("subject-surname-too-long", Oids.Surname, 32768);
        Bound("subject-postal-code-too-long", Oids.PostalCode, 16);
        Bound("subject-street-too-long", Oids.Street, 128);
        Bound("subject-locality-too-long", Oids.Locality, 128);
        Bound("subject-state-too-long", Oids.State, 128);
        Bound("subject-organization-too-long", Oids.Organization, 64);
        Bound("subject-organizational-unit-too-long", Oids.OrganizationalUnit, 64);
        Add("subject-printable-string-charset",
            Leaf(Subject(Cn("leaf.example.com"), Attribute(Oids.Organization, PrintableString, "Acme @ Example"))),
            Leaf(Subject(Cn("leaf.example.com"), Attribute(Oids.Organization, PrintableString, "Acme (Example) Ltd."))));
        Add("subject-control-characters",
            Leaf(Subject(Cn("leaf.example.com"), Attribute(Oids.Organization, Utf8String, "Acme\u0007 Ltd"))), Leaf());
        // The second countryName / serialNumber is the wrong type: every value counts, not only the first.
        Add("subject-country-not-printable-string",
            Leaf(Subject(Country(PrintableString), Country(Utf8String), Cn("leaf.example.com"))),
            Leaf(Subject(Country(PrintableString), Cn("leaf.example.com"))));
        // X520countryName ::= PrintableString (SIZE (2)): three letters, and one.
        Add("subject-country-length",
            Leaf(Subject(Attribute(Oids.Country, PrintableString, "USA"), Cn("leaf.example.com"))),
            Leaf(Subject(Country(PrintableString), Cn("leaf.example.com"))));
        Add("subject-country-length",
            Leaf(Subject(Attribute(Oids.Country, PrintableString, "U"), Cn("leaf.example.com"))),
            Leaf(Subject(Attribute(Oids.Country, PrintableString, "XX"), Cn("leaf.example.com"))));
        Add("subject-serial-number-not-printable-string",
            Leaf(Subject(Cn("leaf.example.com"), Attribute(Oids.SerialNumber, PrintableString, "1234"), Attribute(Oids.SerialNumber, Utf8String, "5678"))),
            Leaf(Subject(Cn("leaf.example.com"), Attribute(Oids.SerialNumber, PrintableString, "1234"))));
        Add("issuer-country-not-printable-string",
            Leaf(b => b.IssuerName = Name(Country(PrintableString), Country(Utf8String), Cn("CertLint Test Root"))),
            Leaf(b => b.IssuerName = Name(Country(PrintableString), Cn("CertLint Test Root"))));
        Add("subject-given-name-long",
            Leaf(Subject(Cn("leaf.example.com"), Attribute(Oids.GivenName, Utf8String, "Ann"), Attribute(Oids.GivenName, Utf8String, new string('A', 65)))),
            Leaf(Subject(Cn("leaf.example.com"), Attribute(Oids.GivenName, Utf8String, new string('A', 64)))));
        Add("subject-surname-long",
            Leaf(Subject(Cn("leaf.example.com"), Attribute(Oids.Surname, Utf8String, new string('A', 65)))),
            Leaf(Subject(Cn("leaf.example.com"), Attribute(Oids.Surname, Utf8String, new string('A', 64)))));
        // X.501 §9.3: two commonNames in one RDN (CN=a+CN=b) fail; the same two in separate RDNs, and a CN+O RDN, pass.
        Add("rdn-duplicate-attribute-type",
            Leaf(b => b.Subject = Seq(SetOf(Cn("leaf.example.com"), Cn("www.example.com")))),
            Leaf(b => b.Subject = Seq(SetOf(Cn("leaf.example.com"), Attribute(Oids.Organization, Utf8String, "Acme")), SetOf(Cn("www.example.com")))));
        // RFC 4519 §2.4: each dc is one host-name label. The second dc has an underscore (fail); an A-label passes.
        Add("subject-dc-not-dns-label",
            Leaf(Subject(Dc("com"), Dc("my_corp"), Cn("leaf.example.com"))),
            Leaf(Subject(Dc("com"), Dc("xn--bcher-kva"), Dc("my-corp"), Cn("leaf.example.com"))));
        // The second address is not in the SAN: every emailAddress value must be, not only the first.
        Add("subject-email-not-in-san",
            Leaf(Subject(Cn("leaf.example.com"), Email("admin@example.com"), Email("ops@example.com")) + San(Gn.Email("admin@example.com"))),
            Leaf(Subject(Cn("leaf.example.com"), Email("admin@example.com")) + San(Gn.Email("admin@example.com"))));
    }

    /// <summary>A subject with the attribute one character too long (fail) and exactly at the bound (pass).</summary>
    private static void Bound(string rule, string oid, int bound, byte tag = Utf8String)
    {
        var cn = oid == Oids.CommonName ? [] : new[] { Cn("leaf.example.com") };
        Add(rule,
            Leaf(Subject([.. cn, Attribute(oid, tag, Value(oid, bound + 1))])),
            Leaf(Subject([.. cn, Attribute(oid, tag, Value(oid, bound > 1000 ? 12 : bound))])));
    }

    private static byte[] Country(byte tag) => Attribute(Oids.Country, tag, "US");

    private static byte[] Dc(string label) => Attribute("0.9.2342.19200300.100.1.25", Ia5String, label);

    private static byte[] Email(string address) => Attribute(Oids.Email, Ia5String, address);

    private static string Value(string oid, int length) => oid == Oids.Email
        ? new string('a', length - "@example.com".Length) + "@example.com"
        : new string('A', length);
}
