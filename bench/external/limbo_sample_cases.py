"""The cases bench/external/limbo-sample.py writes: each a chain and the result RFC 5280 §6 decides for it."""
import datetime
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network

from cryptography import x509
from cryptography.x509.oid import ExtendedKeyUsageOID, ObjectIdentifier

POLICY_A = ObjectIdentifier("1.3.6.1.4.1.55555.1")
ANY_POLICY = ObjectIdentifier("2.5.29.32.0")
SERVER, CLIENT = ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH


def policies(*oids):
    return (x509.CertificatePolicies([x509.PolicyInformation(o, None) for o in oids]), False)


def add_all(make, leaf, nc, case, cn):
    def dn(text):
        return x509.DirectoryName(x509.Name.from_rfc4514_string(text))

    # Name constraints: iPAddress, directoryName, rfc822Name, URI; self-issued CAs; permitted and excluded together.
    r = make("nc-ip-root", extra=[nc(permitted=[x509.IPAddress(IPv4Network("192.0.2.0/24"))])])
    case("nc-ip-permitted-mismatch", "FAILURE", [r], [],
         leaf(r, dns=None, san=[x509.IPAddress(IPv4Address("192.0.3.1"))], subject=cn("ip")), ("IP", "192.0.3.1"))
    case("nc-ip-permitted-match", "SUCCESS", [r], [],
         leaf(r, dns=None, san=[x509.IPAddress(IPv4Address("192.0.2.7"))], subject=cn("ip")), ("IP", "192.0.2.7"))
    case("nc-ip-constraint-other-form", "SUCCESS", [r], [], leaf(r))
    r = make("nc-ip6-root", extra=[nc(excluded=[x509.IPAddress(IPv6Network("2001:db8::/32"))])])
    case("nc-ipv6-excluded-match", "FAILURE", [r], [],
         leaf(r, dns=None, san=[x509.IPAddress(IPv6Address("2001:db8::5"))], subject=cn("ip6")),
         ("IP", "2001:db8::5"))
    case("nc-ipv6-excluded-other", "SUCCESS", [r], [],
         leaf(r, dns=None, san=[x509.IPAddress(IPv6Address("2001:db9::5"))], subject=cn("ip6")),
         ("IP", "2001:db9::5"))
    r = make("nc-dn-root", extra=[nc(permitted=[dn("O=Good,CN=foo")])])
    good, bad = x509.Name.from_rfc4514_string("O=Good,CN=foo"), x509.Name.from_rfc4514_string("O=Good,CN=bar")
    case("nc-dn-permitted-subject-match", "SUCCESS", [r], [], leaf(r, subject=good, san=[dn("O=Good,CN=foo")]),
         None)
    case("nc-dn-permitted-subject-mismatch", "FAILURE", [r], [], leaf(r, subject=bad), None)
    case("nc-dn-san-match-subject-mismatch", "FAILURE", [r], [], leaf(r, subject=bad, san=[dn("O=Good,CN=foo")]),
         None)
    case("nc-dn-subject-match-san-mismatch", "FAILURE", [r], [], leaf(r, subject=good, san=[dn("O=Good,CN=bar")]),
         None)
    r = make("nc-email-root", extra=[nc(permitted=[x509.RFC822Name("example.com")])])
    case("nc-email-permitted-match", "SUCCESS", [r], [],
         leaf(r, dns=None, san=[x509.RFC822Name("alice@example.com")], subject=cn("alice"), eku=[CLIENT]),
         None, kind="CLIENT")
    case("nc-email-permitted-subdomain", "FAILURE", [r], [],
         leaf(r, dns=None, san=[x509.RFC822Name("alice@mail.example.com")], subject=cn("alice"), eku=[CLIENT]),
         None, kind="CLIENT")
    r = make("nc-uri-root", extra=[nc(excluded=[x509.UniformResourceIdentifier(".example.com")])])
    case("nc-uri-excluded-subdomain", "FAILURE", [r], [],
         leaf(r, san=[x509.DNSName("ok.test"), x509.UniformResourceIdentifier("https://a.example.com/x")]),
         ("DNS", "ok.test"))
    case("nc-uri-excluded-other-host", "SUCCESS", [r], [],
         leaf(r, san=[x509.DNSName("ok.test"), x509.UniformResourceIdentifier("https://example.com/x")]),
         ("DNS", "ok.test"))
    r = make("nc-both-root", extra=[nc(permitted=[x509.DNSName("example.com")],
                                       excluded=[x509.DNSName("example.com")])])
    case("nc-permitted-and-excluded-match", "FAILURE", [r], [], leaf(r))
    r = make(cn("not-example.com"), san=[x509.DNSName("not-example.com")],
             extra=[nc(permitted=[x509.DNSName("example.com")])])
    si = make(cn("not-example.com"), r, san=[x509.DNSName("not-example.com")])
    case("nc-self-issued-intermediate-exempt", "SUCCESS", [r], [si], leaf(si))
    r = make("nc-si-leaf-root", extra=[nc(permitted=[x509.DNSName("example.com")])])
    ica = make(cn("not-example.com"), r)
    case("nc-self-issued-leaf-checked", "FAILURE", [r], [ica],
         leaf(ica, dns="not-example.com", subject=cn("not-example.com")), ("DNS", "not-example.com"))
    r = make("nc-chain-root")
    ica1 = make("nc-ica1", r, extra=[nc(permitted=[x509.DNSName("permitted.example.com")])])
    ica2 = make("nc-ica2", ica1, san=[x509.DNSName("forbidden.example.com")])
    case("nc-intermediate-san-outside", "FAILURE", [r], [ica1, ica2], leaf(ica2, dns="permitted.example.com"),
         ("DNS", "permitted.example.com"))

    # Policies: requireExplicitPolicy, inhibitAnyPolicy, policy mapping inhibited.
    r = make("pc-root")
    pc0 = (x509.PolicyConstraints(require_explicit_policy=0, inhibit_policy_mapping=None), True)
    ica = make("pc-ica-explicit", r, extra=[pc0, policies(POLICY_A)])
    case("pc-explicit-leaf-policy", "SUCCESS", [r], [ica], leaf(ica, extra=[policies(POLICY_A)]),
         features=["has-policy-constraints"])
    case("pc-explicit-leaf-without-policy", "FAILURE", [r], [ica], leaf(ica),
         features=["has-policy-constraints"])
    for skip, expected in ((1, "FAILURE"), (2, "SUCCESS")):  # the wrap-up (§6.1.5 (a)) counts the peer too
        ica = make(f"pc-ica-explicit{skip}", r, extra=[(x509.PolicyConstraints(require_explicit_policy=skip,
                                                                                inhibit_policy_mapping=None), True)])
        case(f"pc-explicit-{skip}-leaf-without-policy", expected, [r], [ica], leaf(ica),
             features=["has-policy-constraints"])
    ica = make("iap-ica", r, extra=[pc0, (x509.InhibitAnyPolicy(0), True), policies(ANY_POLICY)])
    case("inhibit-any-policy-leaf-any", "FAILURE", [r], [ica], leaf(ica, extra=[policies(ANY_POLICY)]),
         features=["has-policy-constraints"])
    case("inhibit-any-policy-leaf-specific", "SUCCESS", [r], [ica], leaf(ica, extra=[policies(POLICY_A)]),
         features=["has-policy-constraints"])

    # pathLenConstraint: self-issued intermediates do not count; the constraint may grow further down.
    r = make("pl-root")
    i1 = make("pl-ica", r, pathlen=1)
    i1si = make("pl-ica", i1, pathlen=1)
    i2 = make("pl-ica2", i1si, pathlen=0)
    case("pathlen-self-issued-not-counted", "SUCCESS", [r], [i1, i1si, i2], leaf(i2))
    i2b = make("pl-ica2b", i1, pathlen=2)
    case("pathlen-may-increase", "SUCCESS", [r], [i1, i2b], leaf(i2b))
    j1 = make("pl-j1", r, pathlen=1)
    j2 = make("pl-j2", j1, pathlen=0)
    j3 = make("pl-j3", j2, pathlen=0)
    case("pathlen-too-long", "FAILURE", [r], [j1, j2, j3], leaf(j3))
    z = make("pl-root0", pathlen=0)
    zi = make("pl-z1", z)
    case("pathlen-root-zero-with-intermediate", "FAILURE", [z], [zi], leaf(zi))

    # Issuer candidates that share a name: a decoy key, a cross-signed intermediate, an expired twin.
    r = make("cand-root")
    decoy_root = make("cand-root")
    ica = make("cand-ica", r)
    decoy = make("cand-ica", decoy_root, key=ica.key)
    case("candidates-decoy-same-key-untrusted-root", "SUCCESS", [r], [decoy, ica], leaf(ica))
    other = make("cand-ica", r)
    case("candidates-same-name-other-key", "SUCCESS", [r], [other, ica], leaf(ica))
    ra, rb = make("xs-root-a"), make("xs-root-b")
    xa = make("xs-ica", ra)
    xb = make("xs-ica", rb, key=xa.key)
    case("cross-signed-only-b-trusted", "SUCCESS", [rb], [xa, xb], leaf(xa))
    old = make("exp-ica", r, not_after=datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc))
    new = make("exp-ica", r, key=old.key)
    case("candidates-expired-and-renewed", "SUCCESS", [r], [old, new], leaf(new))
    case("candidates-only-expired", "FAILURE", [r], [old], leaf(old))
    a1 = make("loop-a", r)
    b1 = make("loop-b", a1)
    a2 = make("loop-a", b1, key=a1.key)
    case("candidates-loop-with-exit", "SUCCESS", [r], [a2, b1, a1], leaf(b1))
    orphan = make("no-aki-ica", r, aki=False)
    case("no-aki-intermediate", "SUCCESS", [r], [orphan], leaf(orphan))

    # Validity at exact boundaries (both ends inclusive, RFC 5280 §4.1.2.5).
    nb = datetime.datetime(2026, 6, 1, tzinfo=datetime.timezone.utc)
    na = datetime.datetime(2026, 9, 1, tzinfo=datetime.timezone.utc)
    r = make("val-root")
    peer = leaf(r, not_before=nb, not_after=na)
    case("validity-at-not-before", "SUCCESS", [r], [], peer, when="2026-06-01T00:00:00+00:00")
    case("validity-before-not-before", "FAILURE", [r], [], peer, when="2026-05-31T23:59:59+00:00")
    case("validity-at-not-after", "SUCCESS", [r], [], peer, when="2026-09-01T00:00:00+00:00")
    case("validity-after-not-after", "FAILURE", [r], [], peer, when="2026-09-01T00:00:01+00:00")
    ica = make("val-ica", r, not_after=na)
    case("validity-intermediate-expired", "FAILURE", [r], [ica], leaf(ica), when="2026-09-01T00:00:01+00:00")

    # EKU on intermediates (Web PKI EKU chaining) and the peer's own EKU.
    r = make("eku-root")
    ica = make("eku-ica-client", r, eku=[CLIENT])
    case("eku-intermediate-client-only-server-peer", "FAILURE", [r], [ica], leaf(ica))
    ica = make("eku-ica-server", r, eku=[SERVER])
    case("eku-intermediate-server-server-peer", "SUCCESS", [r], [ica], leaf(ica))
    case("eku-peer-client-only-server-validation", "FAILURE", [r], [], leaf(r, eku=[CLIENT]))
    case("eku-peer-server-client-validation", "FAILURE", [r], [], leaf(r, eku=[SERVER], dns=None,
                                                                      subject=cn("client")), None, kind="CLIENT")
    case("eku-peer-client-client-validation", "SUCCESS", [r], [], leaf(r, eku=[CLIENT], dns=None,
                                                                      subject=cn("client")), None, kind="CLIENT")

    # Host names: SAN only; an IP peer name against a DNS SAN; a wildcard one label deep.
    case("host-wildcard-one-label", "SUCCESS", [r], [], leaf(r, dns="*.example.com"), ("DNS", "a.example.com"))
    case("host-wildcard-two-labels", "FAILURE", [r], [], leaf(r, dns="*.example.com"), ("DNS", "a.b.example.com"))
    case("host-ip-not-dns", "FAILURE", [r], [], leaf(r, dns="192.0.2.1"), ("IP", "192.0.2.1"))
    case("host-cn-only", "FAILURE", [r], [], leaf(r, dns=None, subject=cn("example.com")))

    # Depth: max_chain_depth counts intermediates.
    chain, top = [], r
    for i in range(4):
        top = make(f"deep-{i}", top)
        chain.append(top)
    case("depth-within-limit", "SUCCESS", [r], chain, leaf(top), max_chain_depth=4, features=["max-chain-depth"])
    case("depth-over-limit", "FAILURE", [r], chain, leaf(top), max_chain_depth=3, features=["max-chain-depth"])
    add_more(make, leaf, nc, case, cn, dn)
    from limbo_sample_graphs import add_graphs, add_issuers
    add_graphs(make, leaf, nc, case, cn)
    add_issuers(make, leaf, nc, case, cn)


def add_more(make, leaf, nc, case, cn, dn):
    from cryptography.hazmat.primitives.asymmetric import ec

    # Name constraints whose encoding is malformed: they cannot be applied, so the names of their form fail.
    raw = x509.NameConstraints(permitted_subtrees=[x509.DNSName("unrelated.test")], excluded_subtrees=None)
    raw._permitted_subtrees = [x509.DNSName("*.example.com")]
    r = make("nc-bad-wild-root", extra=[(raw, True)])
    case("nc-wildcard-constraint", "FAILURE", [r], [], leaf(r, dns="a.example.com"), ("DNS", "a.example.com"))
    raw = x509.NameConstraints(permitted_subtrees=[x509.RFC822Name("x@example.com")], excluded_subtrees=None)
    raw._permitted_subtrees = [x509.RFC822Name._init_without_validation("bad@bad@example.com")]
    r = make("nc-bad-mail-root", extra=[(raw, True)])
    case("nc-malformed-email-constraint", "FAILURE", [r], [],
         leaf(r, dns=None, san=[x509.RFC822Name("bob@example.com")], subject=cn("bob"), eku=[CLIENT]),
         None, kind="CLIENT")
    # Name matching details: DN comparison ignores case and string type; DNS compares case-insensitively.
    r = make("nc-dn-case-root", extra=[nc(permitted=[dn("O=Good Corp")])])
    case("nc-dn-case-insensitive", "SUCCESS", [r], [],
         leaf(r, subject=x509.Name([x509.NameAttribute(x509.NameOID.ORGANIZATION_NAME, "good corp"),
                                    x509.NameAttribute(x509.NameOID.COMMON_NAME, "example.com")])))
    case("nc-dn-printable-vs-utf8", "SUCCESS", [r], [],
         leaf(r, subject=x509.Name([x509.NameAttribute(x509.NameOID.ORGANIZATION_NAME, "Good Corp",
                                                       x509.name._ASN1Type.PrintableString),
                                    x509.NameAttribute(x509.NameOID.COMMON_NAME, "example.com")])))
    case("nc-dn-internal-spaces", "SUCCESS", [r], [],
         leaf(r, subject=x509.Name([x509.NameAttribute(x509.NameOID.ORGANIZATION_NAME, "Good  Corp "),
                                    x509.NameAttribute(x509.NameOID.COMMON_NAME, "example.com")])))
    r = make("nc-case-root", extra=[nc(excluded=[x509.DNSName("Example.COM")])])
    case("nc-dns-excluded-other-case", "FAILURE", [r], [], leaf(r, dns="www.EXAMPLE.com"), ("DNS", "www.example.com"))
    r = make("nc-mail-subject-root", extra=[nc(permitted=[x509.RFC822Name("example.com")])])
    mail_subject = x509.Name([x509.NameAttribute(x509.NameOID.COMMON_NAME, "carol"),
                              x509.NameAttribute(x509.NameOID.EMAIL_ADDRESS, "carol@other.test")])
    case("nc-email-in-subject-outside", "FAILURE", [r], [], leaf(r, dns=None, subject=mail_subject, eku=[CLIENT]),
         None, kind="CLIENT")
    r = make("nc-uri-host-root", extra=[nc(permitted=[x509.UniformResourceIdentifier("example.com")])])
    case("nc-uri-with-port", "SUCCESS", [r], [],
         leaf(r, san=[x509.DNSName("example.com"), x509.UniformResourceIdentifier("https://example.com:8443/a")]))
    case("nc-uri-with-userinfo-outside", "FAILURE", [r], [],
         leaf(r, san=[x509.DNSName("example.com"),
                      x509.UniformResourceIdentifier("https://example.com@evil.test/a")]))
    r = make("nc-ip-all-root", extra=[nc(excluded=[x509.IPAddress(IPv4Network("0.0.0.0/0"))])])
    case("nc-ip-excluded-all-dns-leaf", "SUCCESS", [r], [], leaf(r))
    case("nc-ip-excluded-all-ip-leaf", "FAILURE", [r], [],
         leaf(r, dns=None, san=[x509.IPAddress(IPv4Address("198.51.100.1"))], subject=cn("ip")),
         ("IP", "198.51.100.1"))

    # Policy mapping inhibited above a mapping CA.
    pa, pb = POLICY_A, ObjectIdentifier("1.3.6.1.4.1.55555.2")
    oa, ob = _oid_der(pa), _oid_der(pb)  # cryptography builds no policyMappings: its DER by hand
    inner = b"\x30" + bytes([len(oa) + len(ob)]) + oa + ob
    mapping = x509.UnrecognizedExtension(x509.oid.ExtensionOID.POLICY_MAPPINGS, b"\x30" + bytes([len(inner)]) + inner)
    r = make("pm-root")
    for inhibit, expected in ((None, "SUCCESS"), (0, "FAILURE")):
        pc = (x509.PolicyConstraints(require_explicit_policy=0, inhibit_policy_mapping=inhibit), True)
        i1 = make(f"pm-ica1-{inhibit}", r, extra=[pc, policies(pa)])
        i2 = make(f"pm-ica2-{inhibit}", i1, extra=[policies(pa), (mapping, False)])
        case(f"policy-mapping-inhibit-{inhibit}", expected, [r], [i1, i2], leaf(i2, extra=[policies(pb)]),
             features=["has-policy-constraints"])

    # Issuer checks: keyUsage without keyCertSign, cA false, unknown critical extension on the peer.
    unknown = (x509.UnrecognizedExtension(ObjectIdentifier("1.3.6.1.4.1.55555.9"), b"\x05\x00"), True)
    case("peer-unknown-critical-extension", "FAILURE", [r], [], leaf(r, extra=[unknown]))
    ica = make("ica-unknown-critical", r, extra=[unknown])
    case("intermediate-unknown-critical-extension", "FAILURE", [r], [ica], leaf(ica))
    notca = make("ica-not-ca", r, ca=False, eku=[SERVER])
    case("intermediate-ca-false", "FAILURE", [r], [notca], leaf(notca))

    # Chain building: the chain of pain, cycles, an AKI naming another key.
    root = make("pain-root")
    root2 = make("pain-root-2")
    expired = make(root.cert.subject, root2, key=root.key, pathlen=1,
                   not_after=datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc))
    case("chain-of-pain", "SUCCESS", [root, root2], [expired], leaf(root))
    k1, k2 = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    c1 = make("cycle-1", key=k1, name=cn("cycle-2"), signer=k2)
    c2 = make("cycle-2", key=k2, name=cn("cycle-1"), signer=k1)
    case("cycle-distinct-cas", "FAILURE", [r], [c1, c2], leaf(c1), max_chain_depth=255)
    c1 = make("cycle-same", key=k1, signer=k2)
    c2 = make("cycle-same", key=k2, signer=k1)
    case("cycle-same-name", "FAILURE", [r], [c1, c2], leaf(c1))
    ica = make("aki-other", r)
    bad_aki = (x509.AuthorityKeyIdentifier(b"\x01" * 20, None, None), False)
    case("peer-aki-names-other-key", "SUCCESS", [r], [ica], leaf(ica, aki=False, extra=[bad_aki]))

    # More: key rollover under pathLen 0, inhibitAnyPolicy skipping one CA, EKU any on a CA, name forms across families.
    r = make("roll-root")
    old = make("roll-ica", r, pathlen=0)
    rolled = make("roll-ica", old, pathlen=0)
    case("pathlen-zero-self-issued-rollover", "SUCCESS", [r], [old, rolled], leaf(rolled))
    pc0 = (x509.PolicyConstraints(require_explicit_policy=0, inhibit_policy_mapping=None), True)
    i1 = make("iap1-ica1", r, extra=[pc0, (x509.InhibitAnyPolicy(1), True), policies(ANY_POLICY)])
    i2 = make("iap1-ica2", i1, extra=[policies(ANY_POLICY)])
    case("inhibit-any-policy-1-leaf-any", "FAILURE", [r], [i1, i2], leaf(i2, extra=[policies(ANY_POLICY)]),
         features=["has-policy-constraints"])
    case("inhibit-any-policy-1-leaf-specific", "SUCCESS", [r], [i1, i2], leaf(i2, extra=[policies(POLICY_A)]),
         features=["has-policy-constraints"])
    ica = make("eku-any-ica", r, eku=[ExtendedKeyUsageOID.ANY_EXTENDED_KEY_USAGE])
    case("eku-intermediate-any", "SUCCESS", [r], [ica], leaf(ica))
    r6 = make("nc-v6-only-root", extra=[nc(permitted=[x509.IPAddress(IPv6Network("2001:db8::/32"))])])
    case("nc-ipv6-permitted-ipv4-leaf", "FAILURE", [r6], [],
         leaf(r6, dns=None, san=[x509.IPAddress(IPv4Address("192.0.2.1"))], subject=cn("ip")), ("IP", "192.0.2.1"))
    rd = make("nc-dn-empty-root", extra=[nc(permitted=[dn("O=Good")])])
    case("nc-dn-empty-subject", "SUCCESS", [rd], [], leaf(rd, subject=x509.Name([]), extra=[]))
    case("host-case-insensitive", "SUCCESS", [r], [], leaf(r, dns="Example.COM"), ("DNS", "example.com"))
    case("host-partial-wildcard", "FAILURE", [r], [], leaf(r, dns="f*.example.com"), ("DNS", "foo.example.com"))
    case("host-ipv6", "SUCCESS", [r], [],
         leaf(r, dns=None, san=[x509.IPAddress(IPv6Address("2001:db8::1"))], subject=cn("ip6")),
         ("IP", "2001:db8:0:0::1"))
    case("client-without-eku", "SUCCESS", [r], [], leaf(r, dns=None, subject=cn("client"), eku=None, no_eku=True),
         None, kind="CLIENT")


def _oid_der(oid):
    parts = [int(p) for p in oid.dotted_string.split(".")]
    body = bytes([parts[0] * 40 + parts[1]])
    for p in parts[2:]:
        chunk = [p & 0x7F]
        while p > 0x7F:
            p >>= 7
            chunk.insert(0, 0x80 | (p & 0x7F))
        body += bytes(chunk)
    return b"\x06" + bytes([len(body)]) + body
