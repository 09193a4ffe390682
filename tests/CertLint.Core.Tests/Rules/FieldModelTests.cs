using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertLint.Engine;
using CertLint.Model;
using CertLint.Rules.Evaluation;
using CertLint.Rules.Fields;
using CertLint.Tests.Pki;
using static CertLint.Core.Tests.Rules.RuleTestKit;

namespace CertLint.Core.Tests.Rules;

/// <summary>Rule language v2 fields on real certificates (CertificateRequest / AsnWriter), each firing and not firing.</summary>
public class FieldModelTests
{
    private static CertificateInfo Parse(TestCertificate c) => TestScan.Certificate(c, FileAt("certs/x.pem"));

    private static CertificateInfo Leaf(Action<CertOptions>? configure = null) => Parse(TestPki.CreateSelfSigned("leaf.acme.test", configure));

    private static X509Extension Raw(string oid, Action<AsnWriter> write, bool critical = false)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        write(w);
        return new X509Extension(oid, w.Encode(), critical);
    }

    private static bool Holds(string check, CertificateInfo cert) => !Fires(check, cert);

    [Test]
    public void An_undecodable_extension_is_a_malformed_state_not_a_parse_error()
    {
        var cert = Leaf(o => o.Extension(new X509Extension("2.5.29.32", [0x30, 0x03, 0x02, 0x01, 0x05], false)));
        Holds("field: policies.malformed\nequals: true", cert).ShouldBeTrue();
        Holds("field: malformed\ncontains: 2.5.29.32", cert).ShouldBeTrue();
        Holds("field: key.type\nequals: ec", cert).ShouldBeTrue();
        Holds("field: policies.entries\nexists: false", cert).ShouldBeTrue();
        Holds("field: san.malformed\nexists: false", cert).ShouldBeTrue();
        Leaf().Details.Malformed.ShouldBeEmpty();
        Holds("field: malformed\nlength: { equals: 0 }", Leaf()).ShouldBeTrue();
    }

    [Test]
    public void Name_attributes_carry_string_type_length_and_validity()
    {
        var name = new AsnWriter(AsnEncodingRules.DER);
        using (name.PushSequence())
        {
            using (name.PushSetOf())
            using (name.PushSequence())
            {
                name.WriteObjectIdentifier("2.5.4.3");
                name.WriteEncodedValue([0x13, 0x05, (byte)'a', (byte)'@', (byte)'b', (byte)'.', (byte)'c']); // PrintableString with '@'
            }
            using (name.PushSetOf())
            using (name.PushSequence())
            {
                name.WriteObjectIdentifier("2.5.4.10");
                name.WriteCharacterString(UniversalTagNumber.UTF8String, "Acme");
            }
        }
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName(name.Encode()), key, HashAlgorithmName.SHA256);
        using var x = request.CreateSelfSigned(TestPki.DefaultNotBefore, TestPki.DefaultNotAfter);
        var cert = TestScan.Certificate(x.RawData, FileAt("certs/x.pem"));
        const string noBadPrintable = "field: subject.attributes\nnone:\n  all:\n    - { field: stringType, equals: printableString }\n    - { field: valid, equals: false }";
        Fires(noBadPrintable, cert).ShouldBeTrue();
        Fires(noBadPrintable, Leaf()).ShouldBeFalse();
        Holds("field: subject.cn.stringType\nequals: printableString", cert).ShouldBeTrue();
        Holds("field: subject.o.stringType\nequals: utf8String", cert).ShouldBeTrue();
        Holds("field: subject.cn.length\nequals: 5", cert).ShouldBeTrue();
        Holds("field: subject.rdns\nequals: 2", cert).ShouldBeTrue();
        Holds("field: subject.o.count\nequals: 1", cert).ShouldBeTrue();
        Holds("field: subject.attributes\nany: { field: name, equals: O }", cert).ShouldBeTrue();
    }

    [Test]
    public void Rdn_duplicate_types_name_each_type_repeated_inside_one_rdn_once()
    {
        // RDN 0: CN+CN+CN (one type, listed once); RDN 1: O+OU (two types); RDN 2 and 3: OU, OU (separate RDNs, allowed).
        NameAttribute At(string oid, int rdn, bool multi) => new(oid, oid, "v", "utf8String", 1, rdn, multi, true);
        string[] ofName =
            ProfileFields.RdnDuplicateTypes([At("2.5.4.3", 0, true), At("2.5.4.3", 0, true), At("2.5.4.3", 0, true),
                At("2.5.4.10", 1, true), At("2.5.4.11", 1, true), At("2.5.4.11", 2, false), At("2.5.4.11", 3, false)]);
        ofName.ShouldBe(["2.5.4.3"]);
        ProfileFields.RdnDuplicateTypes([]).ShouldBeEmpty();

        var name = new AsnWriter(AsnEncodingRules.DER);
        using (name.PushSequence())
        using (name.PushSetOf())
        {
            foreach (var cn in new[] { "a.acme.test", "b.acme.test" })
            {
                using (name.PushSequence())
                {
                    name.WriteObjectIdentifier("2.5.4.3");
                    name.WriteCharacterString(UniversalTagNumber.UTF8String, cn);
                }
            }
        }
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName(name.Encode()), key, HashAlgorithmName.SHA256);
        using var x = request.CreateSelfSigned(TestPki.DefaultNotBefore, TestPki.DefaultNotAfter);
        var cert = TestScan.Certificate(x.RawData, FileAt("certs/x.pem"));
        Holds("field: subject.rdnDuplicateTypes\nlength: { equals: 1 }", cert).ShouldBeTrue();
        Holds("field: issuerName.rdnDuplicateTypes\ncontains: 2.5.4.3", cert).ShouldBeTrue();
        Holds("field: subject.rdnDuplicateTypes\nlength: { equals: 0 }", Leaf()).ShouldBeTrue();
    }

    [Test]
    public void Every_dn_attribute_of_the_one_table_prints_by_its_short_name_and_is_a_field()
    {
        var table = CertLint.Parsing.DnAttributeNames.All;
        table.Select(e => e.Oid).ShouldBeUnique();
        table.Select(e => e.Field.ToLowerInvariant()).ShouldBeUnique();
        var name = new AsnWriter(AsnEncodingRules.DER);
        using (name.PushSequence())
        {
            foreach (var e in table)
            {
                using (name.PushSetOf())
                using (name.PushSequence())
                {
                    name.WriteObjectIdentifier(e.Oid);
                    name.WriteCharacterString(UniversalTagNumber.UTF8String, "v-" + e.Field);
                }
            }
        }
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName(name.Encode()), key, HashAlgorithmName.SHA256);
        using var x = request.CreateSelfSigned(TestPki.DefaultNotBefore, TestPki.DefaultNotAfter);
        var cert = TestScan.Certificate(x.RawData, FileAt("certs/x.pem"));
        foreach (var e in table)
        {
            cert.Subject.Text.ShouldContain($"{e.Display}=v-{e.Field}");
            Holds($"field: subject.{e.Field}\nequals: v-{e.Field}", cert).ShouldBeTrue(e.Field);
            Holds($"field: subject.attributes\nany: {{ all: [ {{ field: oid, equals: '{e.Oid}' }}, {{ field: name, equals: {e.Display} }} ] }}", cert).ShouldBeTrue(e.Field);
        }
        Holds("field: subject.pseudonym\nequals: other", cert).ShouldBeFalse();
    }

    [Test]
    public void Validity_encodings_follow_the_year()
    {
        var cert = Leaf(o => o.Valid(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2050, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        Holds("field: validity.notBefore.encoding\nequals: utcTime", cert).ShouldBeTrue();
        Holds("field: validity.notAfter.encoding\nequals: generalizedTime", cert).ShouldBeTrue();
        Holds("field: validity.notAfter.raw\nequals: 20500101000000Z", cert).ShouldBeTrue();
        Holds("field: validity.notBefore.der\nequals: true", cert).ShouldBeTrue();
        Fires("field: validity.notAfter.encoding\nequals: utcTime", cert).ShouldBeTrue();
    }

    [Test]
    public void Duplicate_extensions_and_extension_by_oid()
    {
        // CertificateRequest refuses a duplicate: add 1.2.3.4 and 1.2.3.5, then rename the second (same length; the signature no longer verifies).
        var der = TestPki.CreateSelfSigned("leaf.acme.test", o => o.Extension(new X509Extension("1.2.3.4", [0x05, 0x00], false))
            .Extension(new X509Extension("1.2.3.5", [0x05, 0x00], true))).Der;
        var at = der.AsSpan().IndexOf(new byte[] { 0x06, 0x03, 0x2A, 0x03, 0x05 });
        der[at + 4] = 0x04;
        var dup = TestScan.Certificate(der, FileAt("certs/x.pem"));
        const string noDuplicates = "field: extensions.duplicates\nlength: { equals: 0 }";
        Fires(noDuplicates, dup).ShouldBeTrue();
        Fires(noDuplicates, Leaf()).ShouldBeFalse();
        Holds("field: extensions.1.2.3.4.count\nequals: 2", dup).ShouldBeTrue();
        Holds("field: extensions.1.2.3.4.length\nequals: 2", dup).ShouldBeTrue();
        Holds("field: extensions.entries\nany: { all: [ { field: oid, equals: 1.2.3.4 }, { field: critical, equals: true } ] }", dup).ShouldBeTrue();
    }

    [Test]
    public void San_entries_by_type_with_syntax_validity()
    {
        var bad = Leaf(o => o.Extension(Raw("2.5.29.17", w =>
        {
            using (w.PushSequence())
            {
                w.WriteCharacterString(UniversalTagNumber.IA5String, "bad name.test", new Asn1Tag(TagClass.ContextSpecific, 2));
                w.WriteCharacterString(UniversalTagNumber.IA5String, "*.ok.test", new Asn1Tag(TagClass.ContextSpecific, 2));
                w.WriteOctetString([10, 0, 0, 1], new Asn1Tag(TagClass.ContextSpecific, 7));
            }
        })));
        const string allValid = "field: san.entries\neach: { field: valid, equals: true }";
        Fires(allValid, bad).ShouldBeTrue();
        Fires(allValid, Leaf(o => o.Dns("good.test", "*.good.test").Ip("10.0.0.1"))).ShouldBeFalse();
        Holds("field: san.dns\ncontains: '*.ok.test'", bad).ShouldBeTrue();
        Holds("field: san.count\nequals: 3", bad).ShouldBeTrue();
        Holds("field: san.entries\nany: { all: [ { field: type, equals: ip }, { field: value, equals: 10.0.0.1 } ] }", bad).ShouldBeTrue();
        Holds("field: san.critical\nequals: false", bad).ShouldBeTrue();
        Holds("field: san.present\nequals: false", Leaf()).ShouldBeTrue();
    }

    [Test]
    public void Serial_signature_version_and_key_fields()
    {
        var cert = Leaf(o => o.Serial(0x00, 0x81, 0x02).Rsa());
        cert.Details.SerialContent.Length.ShouldBe(3);
        Holds("field: serial.length\nequals: 3", cert).ShouldBeTrue();
        Fires("field: serial.length\nmax: 2", cert).ShouldBeTrue();
        Holds("field: serial.negative\nequals: false", cert).ShouldBeTrue();
        Holds("field: serial.zero\nequals: false", cert).ShouldBeTrue();
        Holds("field: serial.minimal\nequals: true", Leaf(o => o.Serial(0x01, 0x02))).ShouldBeTrue();
        Holds("field: signature.matchesTbs\nequals: true", cert).ShouldBeTrue();
        Holds("field: signature.parameters\nequals: 'null'", cert).ShouldBeTrue();
        Holds("field: tbsSignature.oid\nequals: { field: signature.oid }", cert).ShouldBeTrue();
        Holds("field: key.exponent\nequals: 65537", cert).ShouldBeTrue();
        Holds("field: key.parameters\nequals: 'null'", cert).ShouldBeTrue();
        Holds("field: key.parameters\nequals: present", Leaf()).ShouldBeTrue();
        Holds("field: version.explicit\nequals: true", cert).ShouldBeTrue();
        Holds("field: der\nequals: true", cert).ShouldBeTrue();
        Holds("field: issuerUniqueId.present\nequals: false", cert).ShouldBeTrue();
    }

    [Test]
    public void Decoded_extensions_of_rfc5280()
    {
        var ca = Parse(TestPki.CreateRoot("CN=Root", o => o.Ca(2)
            .Extension(Raw("2.5.29.32", w =>
            {
                using (w.PushSequence())
                using (w.PushSequence())
                {
                    w.WriteObjectIdentifier("2.23.140.1.2.1");
                    using (w.PushSequence())
                    using (w.PushSequence())
                    {
                        w.WriteObjectIdentifier("1.3.6.1.5.5.7.2.2");
                        using (w.PushSequence()) w.WriteCharacterString(UniversalTagNumber.VisibleString, "Notice text");
                    }
                }
            }))
            .Extension(Raw("2.5.29.30", w =>
            {
                using (w.PushSequence())
                using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0)))
                using (w.PushSequence())
                    w.WriteCharacterString(UniversalTagNumber.IA5String, ".acme.test", new Asn1Tag(TagClass.ContextSpecific, 2));
            }, critical: true))
            .Extension(Raw("2.5.29.54", w => w.WriteInteger(0)))
            .Extension(Raw("1.3.6.1.5.5.7.1.1", w =>
            {
                using (w.PushSequence())
                using (w.PushSequence())
                {
                    w.WriteObjectIdentifier("1.3.6.1.5.5.7.48.1");
                    w.WriteCharacterString(UniversalTagNumber.IA5String, "http://ocsp.acme.test", new Asn1Tag(TagClass.ContextSpecific, 6));
                }
            }))));
        Holds("field: basicConstraints.pathLen\nequals: 2", ca).ShouldBeTrue();
        Holds("field: keyUsage.keyCertSign\nequals: true", ca).ShouldBeTrue();
        Holds("field: keyUsage.digitalSignature\nequals: false", ca).ShouldBeTrue();
        Holds("field: keyUsage.der\nequals: true", ca).ShouldBeTrue();
        Holds("field: policies.entries\neach: { field: qualifiers, each: { field: explicitText.length, max: 200 } }", ca).ShouldBeTrue();
        Fires("field: policies.entries\neach: { field: qualifiers, none: { field: explicitText.stringType, equals: visibleString } }", ca).ShouldBeTrue();
        Holds("field: policies\ncontains: 2.23.140.1.2.1", ca).ShouldBeTrue();
        Holds("field: nameConstraints.permitted\nany: { all: [ { field: type, equals: dns }, { field: value, equals: .acme.test } ] }", ca).ShouldBeTrue();
        Holds("field: nameConstraints.critical\nequals: true", ca).ShouldBeTrue();
        Holds("field: nameConstraints.excluded\nexists: false", ca).ShouldBeTrue();
        Holds("field: inhibitAnyPolicy\nequals: 0", ca).ShouldBeTrue();
        Holds("field: aia.entries\nany: { field: method, equals: 1.3.6.1.5.5.7.48.1 }", ca).ShouldBeTrue();
        Holds("field: aia.ocsp\ncontains: http://ocsp.acme.test", ca).ShouldBeTrue();
        Holds("field: ski.length\nequals: 20", ca).ShouldBeTrue();
        Holds("field: aki.keyId\nequals: { field: ski }", ca).ShouldBeTrue();
    }

    [Test]
    public void Chain_aware_fields_read_the_issuer_on_the_path()
    {
        var chain = TestPki.CreateChain("leaf.acme.test", o => o.ServerAuth().Dns("leaf.acme.test"));
        var scan = new TestScan().Pem("certs/leaf.pem", chain.Leaf, chain.Intermediate).Pem("certs/root.pem", chain.Root);
        var inventory = scan.Build();
        var leaf = inventory.Certificates.First(c => c.Subject.CommonName == "leaf.acme.test");
        var settings = scan.Settings();
        bool FiresOn(string check) => Run(Compile(RuleYaml(check, "match: { field: subject.cn, equals: leaf.acme.test }")), inventory, settings).Count > 0;
        FiresOn("field: aki.keyId\nequals: { field: issuer.ski }").ShouldBeFalse();
        FiresOn("field: aki.keyId\nequals: { field: issuer.aki.keyId }").ShouldBeTrue();
        FiresOn("field: issuerName\nequals: { field: issuer.subject }").ShouldBeFalse();
        FiresOn("field: issuer.basicConstraints.ca\nequals: true").ShouldBeFalse();
        FiresOn("field: issuers\nnone: { field: eku.present, equals: true }").ShouldBeFalse();
        FiresOn("field: issuers\nlength: { equals: 2 }").ShouldBeFalse();
        FiresOn("field: path\neach: { field: validity.notAfter, before: { field: $.validity.notAfter } }").ShouldBeTrue();
        FiresOn("field: issuers\neach: { field: validity.notAfter, after: { field: $.validity.notBefore } }").ShouldBeFalse();
        leaf.ShouldNotBeNull();
    }

    [Test]
    public void Comparison_and_length_functions()
    {
        var cert = Leaf(o => o.Dns("leaf.acme.test"));
        Holds("field: subject.cn\nin: { field: san.dns }", cert).ShouldBeTrue();
        Fires("field: subject.cn\nin: { field: san.dns }", Leaf(o => o.Dns("other.test"))).ShouldBeTrue();
        Holds("field: san.dns\ncontains: { field: subject.cn }", cert).ShouldBeTrue();
        Holds("field: validity.notBefore\nbefore: { field: validity.notAfter }", cert).ShouldBeTrue();
        Holds("field: subject.cn\nlength: { max: 64 }", cert).ShouldBeTrue();
        Fires("field: subject.cn\nlength: { max: 4 }", cert).ShouldBeTrue();
        Holds("field: san.dns\nany: { pattern: 'acme' }", cert).ShouldBeTrue();
        Holds("field: san.dns\nnone: { pattern: '^\\*' }", cert).ShouldBeTrue();
        Holds("field: san.dns\neach: { length: { min: 3 } }", cert).ShouldBeTrue();
    }

    [Test]
    public void Count_tests_how_many_elements_match()
    {
        var cert = Leaf(o => o.Dns("leaf.acme.test", "www.acme.test", "other.test"));
        Holds("field: san.dns\ncount: { matching: { pattern: 'acme' }, equals: 2 }", cert).ShouldBeTrue();
        Fires("field: san.dns\ncount: { matching: { pattern: 'acme' }, equals: 1 }", cert).ShouldBeTrue();
        Holds("field: san.entries\ncount: { matching: { field: type, equals: dns }, min: 3 }", cert).ShouldBeTrue();
        // No list at all counts no element.
        Holds("field: san.email\ncount: { matching: { pattern: '@' }, equals: 0 }", cert).ShouldBeTrue();

        var missing = Should.Throw<ConfigurationException>(() => Compile(RuleYaml("field: san.dns\ncount: { equals: 1 }")));
        missing.Message.ShouldContain("'count' takes { matching:");
        var text = Should.Throw<ConfigurationException>(() => Compile(RuleYaml("field: subject.cn\ncount: { matching: { pattern: a }, equals: 1 }")));
        text.Message.ShouldContain("count");
    }

    [Test]
    public void Effective_dates_skip_older_certificates_as_not_effective()
    {
        var old = Leaf(o => o.Valid(new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        var young = Leaf();
        var rule = Compile(RuleYaml("field: version\nequals: 2", extra: "effective: 2020-09-30\n"));
        var inventory = InventoryOf(old, young);
        var evaluation = RuleEvaluator.Evaluate(inventory, [rule], Context(inventory));
        evaluation.Findings.Count.ShouldBe(1);
        evaluation.Findings[0].Subject.Label.ShouldContain("leaf.acme.test");
        evaluation.Skips["TST0001"].ShouldBe(new SkipCounts(0, 1));
        var until = Compile(RuleYaml("field: version\nequals: 2", extra: "effective: { until: 2020-09-30 }\n"));
        RuleEvaluator.Evaluate(inventory, [until], Context(inventory)).Findings.Count.ShouldBe(1);
        var na = Compile(RuleYaml("field: version\nequals: 3", where: "leaf: false"));
        RuleEvaluator.Evaluate(inventory, [na], Context(inventory)).Skips["TST0001"].ShouldBe(new SkipCounts(2, 0));
    }
}
