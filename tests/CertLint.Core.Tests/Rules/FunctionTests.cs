using CertLint.Model;
using static CertLint.Core.Tests.Rules.RuleTestKit;

namespace CertLint.Core.Tests.Rules;

/// <summary>Each field function, firing and not firing on hand-built certificates.</summary>
public class FunctionTests
{
    [Test]
    public void Equals_is_case_insensitive_on_strings_and_typed_on_numbers()
    {
        Fires("field: issuer.cn\nequals: partner ca", Cert(issuerCn: "Partner CA")).ShouldBeFalse();
        Fires("field: issuer.cn\nequals: Partner CA", Cert(issuerCn: "Other CA")).ShouldBeTrue();
        Fires("field: key.size\nequals: 2048", Cert(bits: 2048)).ShouldBeFalse();
        Fires("field: key.size\nequals: 2048", Cert(bits: 4096)).ShouldBeTrue();
        Fires("field: ca\nequals: false", Cert(ca: false)).ShouldBeFalse();
        Fires("field: ca\nequals: false", Cert(ca: true)).ShouldBeTrue();
    }

    [Test]
    public void In_accepts_listed_values_only()
    {
        const string check = "field: key.type\nin: [rsa, ec]";
        Fires(check, Cert(alg: KeyAlgorithm.Ec)).ShouldBeFalse();
        Fires(check, Cert(alg: KeyAlgorithm.Dsa)).ShouldBeTrue();
        Fires("field: key.size\nin: [2048, 4096]", Cert(bits: 3072)).ShouldBeTrue();
        Fires("field: key.size\nin: [2048, 4096]", Cert(bits: 4096)).ShouldBeFalse();
    }

    [Test]
    public void Pattern_matches_with_a_regex()
    {
        const string check = "field: subject.cn\npattern: '\\.acme\\.internal$'";
        Fires(check, Cert(cn: "api.acme.internal")).ShouldBeFalse();
        Fires(check, Cert(cn: "api.acme.com")).ShouldBeTrue();
    }

    [Test]
    public void Min_and_max_bound_integers()
    {
        Fires("field: key.size\nmin: 3072", Cert(bits: 2048)).ShouldBeTrue();
        Fires("field: key.size\nmin: 3072", Cert(bits: 3072)).ShouldBeFalse();
        Fires("field: validity.totalDays\nmax: 398", Cert(notBefore: Now, notAfter: Now.AddDays(500))).ShouldBeTrue();
        Fires("field: validity.totalDays\nmax: 398", Cert(notBefore: Now, notAfter: Now.AddDays(398))).ShouldBeFalse();
    }

    [Test]
    public void Exists_and_absent_tell_a_missing_extension()
    {
        Fires("field: eku\nexists: true", Cert(eku: null)).ShouldBeTrue();
        Fires("field: eku\nexists: true", Cert(eku: [Oids.ClientAuth])).ShouldBeFalse();
        Fires("field: basicConstraints.ca\nabsent: true", Cert(ca: true)).ShouldBeTrue();
        Fires("field: basicConstraints.ca\nabsent: true", Cert(ca: false)).ShouldBeFalse();
    }

    [Test]
    public void Contains_all_and_any_work_on_lists()
    {
        Fires("field: eku.names\ncontains: clientAuth", Cert(eku: [Oids.ServerAuth])).ShouldBeTrue();
        Fires("field: eku.names\ncontains: clientAuth", Cert(eku: [Oids.ServerAuth, Oids.ClientAuth])).ShouldBeFalse();
        const string all = "field: san.dns\nall: { pattern: '\\.acme\\.internal$' }";
        Fires(all, Cert(dns: ["a.acme.internal", "b.acme.internal"])).ShouldBeFalse();
        Fires(all, Cert(dns: ["a.acme.internal", "b.example.com"])).ShouldBeTrue();
        const string any = "field: san.dns\nany: { equals: www.acme.test }";
        Fires(any, Cert(dns: ["a.acme.test", "WWW.acme.test"])).ShouldBeFalse();
        Fires(any, Cert(dns: ["a.acme.test"])).ShouldBeTrue();
        Fires(any, Cert(dns: null)).ShouldBeTrue();
    }

    [Test]
    public void Before_and_after_take_iso_dates_and_now_offsets()
    {
        const string fixedDate = "field: validity.notAfter\nbefore: 2027-12-31T23:59:59Z";
        Fires(fixedDate, Cert(notAfter: new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero))).ShouldBeFalse();
        Fires(fixedDate, Cert(notAfter: new DateTimeOffset(2028, 1, 1, 0, 0, 0, TimeSpan.Zero))).ShouldBeTrue();
        const string relative = "field: validity.notAfter\nafter: now+30d";
        Fires(relative, Cert(notAfter: Now.AddDays(31))).ShouldBeFalse();
        Fires(relative, Cert(notAfter: Now.AddDays(29))).ShouldBeTrue();
        Fires("field: validity.notBefore\nbefore: now", Cert(notBefore: Now.AddDays(1))).ShouldBeTrue();
        // The one duration grammar: w, d, h, m (minutes), s, y.
        Fires("field: validity.notBefore\nafter: now-90m", Cert(notBefore: Now.AddMinutes(-89))).ShouldBeFalse();
        Fires("field: validity.notBefore\nafter: now-90m", Cert(notBefore: Now.AddMinutes(-91))).ShouldBeTrue();
        // Only ISO 8601: a culture's date is no date.
        Should.Throw<CertLint.Engine.ConfigurationException>(() => Fires("field: validity.notAfter\nbefore: 12/31/2027", Cert()))
            .Problem.ShouldContain($"must be {CertLint.Configuration.DateSpec.RelativeExpected}, not");
    }

    [Test]
    public void Combinators_all_any_not()
    {
        const string all = "all:\n  - { field: key.type, equals: rsa }\n  - { field: key.size, min: 3072 }";
        Fires(all, Cert(bits: 4096)).ShouldBeFalse();
        Fires(all, Cert(bits: 2048)).ShouldBeTrue();
        const string any = "any:\n  - { field: key.type, equals: ec }\n  - { field: key.size, min: 3072 }";
        Fires(any, Cert(alg: KeyAlgorithm.Ec, bits: 256)).ShouldBeFalse();
        Fires(any, Cert(bits: 2048)).ShouldBeTrue();
        const string not = "not: { field: signature.hash, in: [MD5, SHA1] }";
        Fires(not, Cert(hash: "SHA256")).ShouldBeFalse();
        Fires(not, Cert(hash: "SHA1")).ShouldBeTrue();
    }

    [Test]
    public void Element_assertions_combine_inside_a_list_quantifier()
    {
        const string check = "field: san.dns\nall:\n  not: { pattern: '^\\*\\.' }";
        Fires(check, Cert(dns: ["a.acme.test"])).ShouldBeFalse();
        Fires(check, Cert(dns: ["*.acme.test"])).ShouldBeTrue();
    }

    [Test]
    public void Extension_fields_by_oid()
    {
        var ext = new ExtensionInfo("1.3.6.1.4.1.99999.2", true, Array.Empty<byte>());
        Fires("field: extensions.1.3.6.1.4.1.99999.2.present\nequals: true", Cert(extensions: [ext])).ShouldBeFalse();
        Fires("field: extensions.1.3.6.1.4.1.99999.2.present\nequals: true", Cert()).ShouldBeTrue();
        Fires("field: extensions.1.3.6.1.4.1.99999.2.critical\nequals: false", Cert(extensions: [ext])).ShouldBeTrue();
    }
}
