using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.CabfBr;

internal static partial class CabfBrFixtures
{
    /// <summary>Subject fields of subscriber certificates (by validation level) and of CA certificates.</summary>
    private static void Subjects()
    {
        var ou = Attribute(Oids.OrganizationalUnit, Utf8String, "Web");
        var givenName = Attribute(Oids.GivenName, Utf8String, "Alice");
        var surname = Attribute(Oids.Surname, Utf8String, "Example");
        var ovFull = Subject(C("US"), St("California"), L("San Francisco"), O("Example Inc"), Cn("www.example.com"));
        var ivFull = Subject(C("US"), St("California"), L("San Francisco"), givenName, surname, Cn("www.example.com"));
        Action<RawCertificateBuilder> Ov(Action<RawCertificateBuilder> subject) => b => { Policies(CabfBrFixtures.Ov)(b); subject(b); };
        Action<RawCertificateBuilder> Iv(Action<RawCertificateBuilder> subject) => b => { Policies(CabfBrFixtures.Iv)(b); subject(b); };

        Add("cabf-subject-ou", Leaf(Ov(Subject(C("US"), St("California"), O("Example Inc"), ou, Cn("www.example.com")))), Leaf(Ov(ovFull)));
        Add("cabf-dv-subject-identity", Leaf(Subject(C("US"), O("Example Inc"), Cn("www.example.com"))), Leaf(Subject(C("US"), Cn("www.example.com"))));
        Add("cabf-ov-subject-organization", Leaf(Ov(Subject(C("US"), L("San Francisco"), Cn("www.example.com")))), Leaf(Ov(ovFull)));
        Add("cabf-ov-subject-country", Leaf(Ov(Subject(L("San Francisco"), O("Example Inc"), Cn("www.example.com")))), Leaf(Ov(ovFull)));
        Add("cabf-ov-subject-locality", Leaf(Ov(Subject(C("US"), O("Example Inc"), Cn("www.example.com")))), Leaf(Ov(ovFull)));
        Add("cabf-iv-subject-country", Leaf(Iv(Subject(L("San Francisco"), givenName, surname, Cn("www.example.com")))), Leaf(Iv(ivFull)));
        Add("cabf-iv-subject-locality", Leaf(Iv(Subject(C("US"), givenName, surname, Cn("www.example.com")))), Leaf(Iv(ivFull)));
        Add("cabf-iv-personal-name", Leaf(Iv(Subject(C("US"), L("San Francisco"), Cn("www.example.com")))), Leaf(Iv(ivFull)));
        Add("cabf-given-name-policy", Leaf(Subject(C("US"), L("San Francisco"), givenName, surname, Cn("www.example.com"))), Leaf(Iv(ivFull)));
        Add("cabf-subject-country-iso", Leaf(Ov(Subject(C("ZZ"), L("San Francisco"), O("Example Inc"), Cn("www.example.com")))), Leaf(Ov(ovFull)));
        Add("cabf-sub-locality-required", Leaf(Ov(Subject(C("US"), O("Example Inc"), Cn("www.example.com")))), Leaf(Ov(ovFull)));
        Add("cabf-sub-address-without-org", Leaf(Subject(C("US"), L("San Francisco"), Cn("www.example.com"))), Leaf());
        Add("cabf-sub-country-required", Leaf(Ov(Subject(L("San Francisco"), O("Example Inc"), Cn("www.example.com")))), Leaf(Ov(ovFull)));

        Add("cabf-ca-subject-cn", SubCa(b => b.Subject = Name(C("US"), O("Example Trust"))), SubCa());
        Add("cabf-ca-subject-country", SubCa(b => b.Subject = Name(O("Example Trust"), Cn("Example Issuing CA"))), SubCa());
        Add("cabf-ca-subject-organization", SubCa(b => b.Subject = Name(C("US"), Cn("Example Issuing CA"))), SubCa());
    }
}
