using CertLint.Inventory;
using CertLint.Inventory.Paths;
using CertLint.Tests.Pki;
using static CertLint.Tests.Pki.PathExtensions;

namespace CertLint.Tests.Inventory;

/// <summary>RFC 5280 §4.2.1.10 / §6.1.3 (b)-(c) through the inventory: every name form, firing and not firing.</summary>
public sealed class NameConstraintTests
{
    private static ChainResult Validate(string[] permitted, string[]? excluded, Action<Pki.CertOptions> leafOptions, bool critical = true)
    {
        var root = TestPki.CreateRoot("NC Root");
        var ca = root.IssueCa("NC CA", o => o.Extension(NameConstraints(permitted, excluded, critical)));
        var leaf = ca.Issue("CN=leaf,O=Acme", leafOptions);
        return new TestScan().Pem("leaf.pem", leaf).Pem("ca.pem", ca).Ca(root).Build().Chain(leaf);
    }

    private static void ShouldPass(ChainResult chain) => chain.Status.ShouldBe(ChainStatus.Complete, string.Join("; ", chain.Problems));

    private static PathProblem ShouldFail(ChainResult chain)
    {
        chain.Status.ShouldBe(ChainStatus.Invalid);
        var failure = chain.Failures.ShouldHaveSingleItem();
        failure.Check.ShouldBe(PathCheck.NameConstraints);
        return failure;
    }

    [TestCase("www.example.com")]
    [TestCase("example.com")]
    [TestCase("a.b.EXAMPLE.com")]
    public void Dns_name_inside_the_permitted_subtree_passes(string name) =>
        ShouldPass(Validate(["dns:example.com"], null, o => o.Dns(name)));

    [TestCase("example.org")]
    [TestCase("badexample.com")]
    [TestCase("example.com.evil.test")]
    public void Dns_name_outside_the_permitted_subtree_fails(string name)
    {
        var failure = ShouldFail(Validate(["dns:example.com"], null, o => o.Dns("ok.example.com", name)));
        failure.Message.ShouldContain($"dNSName {name} is not within the permitted subtrees of CN=NC CA (example.com)");
        failure.Position.ShouldBe(0);
    }

    [Test]
    public void Leading_period_dns_constraint_holds_only_subdomains()
    {
        ShouldPass(Validate(["dns:.example.com"], null, o => o.Dns("www.example.com")));
        ShouldFail(Validate(["dns:.example.com"], null, o => o.Dns("example.com")));
    }

    [Test]
    public void Excluded_dns_subtree_fails_and_wildcards_count_when_they_could_match()
    {
        ShouldFail(Validate([], ["dns:secret.example.com"], o => o.Dns("x.secret.example.com"))).Message.ShouldContain("excluded subtree secret.example.com");
        ShouldFail(Validate([], ["dns:secret.example.com"], o => o.Dns("*.example.com")));
        ShouldPass(Validate([], ["dns:secret.example.com"], o => o.Dns("*.other.example.com")));
        ShouldFail(Validate(["dns:www.example.com"], null, o => o.Dns("*.example.com")));
    }

    [Test]
    public void Ip_constraints_compare_under_the_mask_for_v4_and_v6()
    {
        ShouldPass(Validate(["ip:10.0.0.0/8"], null, o => o.Ip("10.1.2.3")));
        ShouldFail(Validate(["ip:10.0.0.0/8"], null, o => o.Ip("11.1.2.3"))).Message.ShouldContain("iPAddress 11.1.2.3");
        ShouldPass(Validate(["ip:2001:db8::/32"], null, o => o.Ip("2001:db8::1")));
        ShouldFail(Validate(["ip:2001:db8::/32"], null, o => o.Ip("2001:db9::1")));
        ShouldFail(Validate([], ["ip:192.168.0.0/16"], o => o.Ip("192.168.5.5")));
        // An IPv4 constraint says nothing about IPv6 names, but a permitted iPAddress list holds only its own addresses.
        ShouldFail(Validate(["ip:10.0.0.0/8"], null, o => o.Ip("::ffff:10.0.0.1")));
    }

    [Test]
    public void Email_constraints_match_mailbox_host_and_domain()
    {
        ShouldPass(Validate(["email:example.com"], null, o => o.Email("alice@example.com")));
        ShouldFail(Validate(["email:example.com"], null, o => o.Email("alice@mail.example.com")));
        ShouldPass(Validate(["email:.example.com"], null, o => o.Email("alice@mail.example.com")));
        ShouldPass(Validate(["email:alice@example.com"], null, o => o.Email("alice@EXAMPLE.com")));
        ShouldFail(Validate(["email:alice@example.com"], null, o => o.Email("bob@example.com")));
    }

    [Test]
    public void Uri_constraints_match_the_host()
    {
        ShouldPass(Validate(["uri:host.example.com"], null, o => o.Uri("https://host.example.com/path")));
        ShouldFail(Validate(["uri:host.example.com"], null, o => o.Uri("https://other.example.com/")));
        ShouldPass(Validate(["uri:.example.com"], null, o => o.Uri("https://a.example.com:8443/x")));
        ShouldFail(Validate(["uri:.example.com"], null, o => o.Uri("urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66")));
    }

    [Test]
    public void Directory_name_constraints_apply_to_the_subject()
    {
        ShouldPass(Validate(["dn:O=Acme"], null, o => o.Dns("leaf.test")));
        ShouldFail(Validate(["dn:O=Other"], null, o => o.Dns("leaf.test"))).Message.ShouldContain("directoryName CN=leaf,O=Acme");
    }

    [TestCase(".example.com", "it has an empty label")]
    [TestCase("www..example.com", "it has an empty label")]
    [TestCase("www example.com", "it has the character ' '")]
    [TestCase("w*w.example.com", "it has the character '*'")]
    public void Malformed_dns_name_fails_a_dns_constraint_even_when_its_suffix_is_permitted(string name, string why)
    {
        var failure = ShouldFail(Validate(["dns:example.com"], null, o => o.Extension(SubjectAltName("dns:www.example.com", $"dns:{name}"))));
        failure.Message.ShouldBe($"CN=leaf,O=Acme: dNSName {name} is malformed ({why}), so it cannot be checked against the name constraints of CN=NC CA");
        // Excluded subtrees alone constrain the form too: a malformed name cannot be shown to be outside them.
        ShouldFail(Validate([], ["dns:secret.example.com"], o => o.Extension(SubjectAltName($"dns:{name}"))));
        // A CA that constrains only another form says nothing about DNS names.
        ShouldPass(Validate(["ip:10.0.0.0/8"], null, o => o.Extension(SubjectAltName($"dns:{name}"))));
    }

    [Test]
    public void Well_formed_dns_names_of_every_shape_are_judged_as_before()
    {
        ShouldPass(Validate(["dns:example.com"], null, o => o.Extension(SubjectAltName("dns:*.example.com", "dns:_acme.example.com", "dns:www.example.com.", "dns:A-1.Example.COM"))));
    }

    [Test]
    public void Malformed_mailbox_fails_an_email_constraint_and_a_quoted_local_part_does_not()
    {
        var failure = ShouldFail(Validate(["email:example.com"], null, o => o.Extension(SubjectAltName("email:good@example.com", "email:bad@actor@example.com"))));
        failure.Message.ShouldBe("CN=leaf,O=Acme: rfc822Name bad@actor@example.com is malformed (it has more than one '@'), so it cannot be checked against the name constraints of CN=NC CA");
        ShouldFail(Validate(["email:example.com"], null, o => o.Extension(SubjectAltName("email:@example.com")))).Message.ShouldContain("(its local part is empty)");
        ShouldFail(Validate(["email:.example.com"], null, o => o.Extension(SubjectAltName("email:a@.example.com")))).Message.ShouldContain("(its domain is not a host name (it has an empty label))");
        ShouldPass(Validate(["email:example.com"], null, o => o.Extension(SubjectAltName("email:\"a@b\"@example.com", "email:c@example.com"))));
        ShouldPass(Validate(["dns:example.com"], null, o => o.Extension(SubjectAltName("dns:www.example.com", "email:bad@actor@example.com"))));
    }

    [Test]
    public void Constraints_of_every_ca_on_the_path_intersect()
    {
        var root = TestPki.CreateRoot("Outer Root", o => o.Extension(NameConstraints(["dns:example.com"])));
        var ca = root.IssueCa("Inner CA", o => o.Extension(NameConstraints(["dns:other.test", "dns:example.com"])));
        var good = ca.Issue("good", o => o.Dns("www.example.com"));
        var bad = ca.Issue("bad", o => o.Dns("www.other.test"));
        var inventory = new TestScan().Pem("good.pem", good).Pem("bad.pem", bad).Pem("ca.pem", ca).Ca(root).Build();
        ShouldPass(inventory.Chain(good));
        ShouldFail(inventory.Chain(bad)).Message.ShouldContain("permitted subtrees of CN=Outer Root");
    }

    [Test]
    public void Host_like_cn_counts_when_there_is_no_san()
    {
        ShouldPass(Validate(["dns:example.com"], null, o => { })); // CN=leaf, one label, is no host name (OpenSSL agrees)
        var root = TestPki.CreateRoot("CN Root");
        var ca = root.IssueCa("CN CA", o => o.Extension(NameConstraints(["dns:example.com"])));
        var evil = ca.Issue("evil.test");
        var fine = ca.Issue("www.example.com");
        var human = ca.Issue("CN=My Service");
        var user = ca.Issue("jdoe");
        var wildcard = ca.Issue("*.evil");
        var inventory = new TestScan().Pem("evil.pem", evil).Pem("fine.pem", fine).Pem("human.pem", human).Pem("user.pem", user)
            .Pem("wildcard.pem", wildcard).Pem("ca.pem", ca).Ca(root).Build();
        ShouldFail(inventory.Chain(evil)).Message.ShouldContain("dNSName evil.test");
        ShouldPass(inventory.Chain(fine));
        ShouldPass(inventory.Chain(human));
        ShouldPass(inventory.Chain(user));
        ShouldFail(inventory.Chain(wildcard)).Message.ShouldContain("dNSName *.evil");
    }

    [Test]
    public void Host_like_cn_of_a_ca_at_the_start_of_its_own_path_is_not_a_host_name()
    {
        // x509-limbo's nc-forbids-alternate-chain-ica shape: a sub-CA "CN=an-intermediate" without SAN under a dNSName
        // constraint. Its own path must not fail on its CN; its SAN, when it has one, is still a name to check.
        var root = TestPki.CreateRoot("CN Root", o => o.Extension(NameConstraints(["dns:example.com"])));
        var subCa = root.IssueCa("an-intermediate");
        var subCaWithSan = root.IssueCa("other-intermediate", o => o.Dns("ca.example.org"));
        var leaf = subCa.Issue("www.example.com", o => o.Dns("www.example.com"));
        var inventory = new TestScan().Pem("sub.pem", subCa).Pem("sub2.pem", subCaWithSan).Pem("leaf.pem", leaf).Ca(root).Build();
        inventory.Chain(subCa).Problems.ShouldBeEmpty();
        ShouldPass(inventory.Chain(subCa));
        ShouldPass(inventory.Chain(leaf));
        ShouldFail(inventory.Chain(subCaWithSan)).Message.ShouldBe(
            "CN=other-intermediate: dNSName ca.example.org is not within the permitted subtrees of CN=CN Root (example.com)");
    }

    [Test]
    public void Critical_constraints_of_an_uncheckable_form_fail_only_certificates_with_a_name_of_that_form()
    {
        // RFC 5280 §4.2.1.10: the application must process the constraint or reject a certificate with a name of its form.
        ShouldPass(Validate(["rid:1.2.3.4"], null, o => o.Dns("a.test")));
        ShouldFail(Validate(["rid:1.2.3.4"], null, o => o.Extension(San("dns:a.test", "rid:1.2.3.5"))))
            .Message.ShouldBe("CN=leaf,O=Acme: critical nameConstraints of CN=NC CA use the registeredID name form (registeredID 88032A0304), which CertLint cannot check against its name registeredID 88032A0305");
        ShouldPass(Validate(["rid:1.2.3.4"], null, o => o.Extension(San("dns:a.test", "rid:1.2.3.5")), critical: false));
        // The forms it can check are still checked beside the one it cannot.
        ShouldPass(Validate(["rid:1.2.3.4", "dns:example.com"], null, o => o.Dns("www.example.com")));
        ShouldFail(Validate(["rid:1.2.3.4", "dns:example.com"], null, o => o.Dns("www.example.org"))).Message.ShouldContain("dNSName www.example.org");
    }

    private static System.Security.Cryptography.X509Certificates.X509Extension San(params string[] names)
    {
        var w = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            foreach (var name in names) PathExtensions.GeneralName(w, name);
        }
        return new System.Security.Cryptography.X509Certificates.X509Extension("2.5.29.17", w.Encode(), false);
    }

    [Test]
    public void Self_issued_intermediate_names_are_not_checked_but_the_leaf_is()
    {
        var root = TestPki.CreateRoot("CN=Rollover,O=Acme", o => o.Extension(NameConstraints(["dns:example.com"])));
        var rollover = root.IssueCa("CN=Rollover,O=Acme"); // self-issued: same name, new key
        var leaf = rollover.Issue("leaf", o => o.Dns("www.example.com"));
        ShouldPass(new TestScan().Pem("leaf.pem", leaf).Pem("ca.pem", rollover).Ca(root).Build().Chain(leaf));
    }

    [Test]
    public void Thousands_of_names_against_thousands_of_subtrees_end_with_a_bounded_failure()
    {
        var subtrees = Enumerable.Range(0, 1000).Select(i => $"dns:host{i}.example.com").ToArray();
        var names = Enumerable.Range(0, 1000).Select(i => $"dns:n{i}.other.test").ToArray();
        var root = TestPki.CreateRoot("Big Root");
        var ca = root.IssueCa("Big CA", o => o.Extension(NameConstraints(subtrees)));
        var leaf = ca.Issue("big", o => o.Extension(SubjectAltName(names)));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var chain = new TestScan().Pem("leaf.pem", leaf).Pem("ca.pem", ca).Ca(root).Build().Chain(leaf);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60)); // termination only
        ShouldFail(chain).Message.ShouldContain("dNSName n0.other.test is not within the permitted subtrees");

        var inside = ca.Issue("inside", o => o.Extension(SubjectAltName([.. Enumerable.Range(0, 1000).Select(i => $"dns:x.host{999 - (i % 3)}.example.com")])));
        ShouldFail(new TestScan().Pem("inside.pem", inside).Pem("ca.pem", ca).Ca(root).Build().Chain(inside))
            .Message.ShouldContain($"more than {NameConstraintChecker.MaxComparisons:N0} comparisons");
    }
}
