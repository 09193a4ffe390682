"""More cases of bench/external/limbo-sample.py: search graphs, narrowing constraints, what an issuer must be."""
import datetime
from ipaddress import IPv4Address, IPv4Network, IPv6Address

from cryptography import x509
from cryptography.x509.oid import ObjectIdentifier

from limbo_sample_cases import CLIENT, SERVER


def add_graphs(make, leaf, nc, case, cn):
    """Constraints met along one path and not another, narrowing constraints, malformed names, cross-sign graphs."""
    from cryptography.hazmat.primitives.asymmetric import ec

    r = make("narrow-root")
    foo, bar = x509.DNSName("foo.example.com"), x509.DNSName("bar.example.com")
    for cid, first, second in (("nc-narrowed-below", [foo, bar], [bar]), ("nc-widened-below", [bar], [foo, bar])):
        i1 = make(f"{cid}-1", r, extra=[nc(permitted=first)])
        i2 = make(f"{cid}-2", i1, extra=[nc(permitted=second)])
        case(cid, "FAILURE", [r], [i1, i2], leaf(i2, dns="foo.example.com"), ("DNS", "foo.example.com"))
    ica = make("nc-bad-names-ica", r, extra=[nc(permitted=[x509.DNSName("example.com"),
                                                          x509.IPAddress(IPv4Network("192.0.2.0/24")),
                                                          x509.RFC822Name("example.com")])])
    case("nc-malformed-dns-san", "FAILURE", [r], [ica],
         leaf(ica, san=[x509.DNSName(".example.com"), x509.DNSName("foo.example.com")]), ("DNS", "foo.example.com"))
    case("nc-cidr-as-ip-san", "FAILURE", [r], [ica],
         leaf(ica, dns=None, subject=cn("ip"), san=[x509.IPAddress(IPv4Network("192.0.2.0/24")),
                                                     x509.IPAddress(IPv4Address("192.0.2.1"))]), ("IP", "192.0.2.1"))
    case("nc-malformed-email-san", "FAILURE", [r], [ica],
         leaf(ica, dns=None, subject=cn("mail"), eku=[CLIENT],
              san=[x509.RFC822Name("good@example.com"),
                   x509.RFC822Name._init_without_validation("bad@address@example.com")]), None, kind="CLIENT")
    ica = make("nc-mailbox-ica", r, extra=[nc(permitted=[x509.RFC822Name("foo@example.com")])])
    for cid, mailbox, expected in (("nc-email-mailbox-exact", "foo@example.com", "SUCCESS"),
                                   ("nc-email-mailbox-other", "bar@example.com", "FAILURE")):
        case(cid, expected, [r], [ica], leaf(ica, dns=None, subject=cn("mail"), eku=[CLIENT],
                                             san=[x509.RFC822Name(mailbox)]), None, kind="CLIENT")
    other = ObjectIdentifier("1.3.6.1.4.1.55555.7")
    ica = make("nc-othername-ica", r, extra=[nc(permitted=[x509.DNSName("example.com")],
                                                excluded=[x509.OtherName(other, b"\x05\x00")])])
    case("nc-othername-excluded-present", "FAILURE", [r], [ica],
         leaf(ica, san=[x509.DNSName("example.com"), x509.OtherName(other, b"\x05\x00")]))
    case("nc-othername-excluded-absent", "SUCCESS", [r], [ica], leaf(ica))

    # A path through a constraining CA fails, another one holds: the search must go on.
    lost, trusted = make("alt-discarded-root"), make("alt-trusted-root")
    ica_a = make("alt-ica-a", trusted, extra=[nc(permitted=[x509.DNSName("permitted.example.com")],
                                                 excluded=[x509.DNSName("forbidden.example.com")])])
    key = ec.generate_private_key(ec.SECP256R1())
    b1 = make("alt-ica-b", lost, key=key, san=[x509.DNSName("forbidden.example.com")])
    b2 = make("alt-ica-b", ica_a, key=key)
    case("nc-alternate-chain", "SUCCESS", [trusted], [ica_a, b1, b2], leaf(b1, dns="permitted.example.com"),
         ("DNS", "permitted.example.com"))
    root_a, root_b = make("same-root-a"), make("same-root-b")
    ica_a = make("same-ica-a", root_a, extra=[nc(excluded=[x509.DNSName("forbidden.example.com")])])
    b1 = make("same-ica-b", ica_a, key=key, san=[x509.DNSName("forbidden.example.com")])
    b2 = make("same-ica-b", root_b, key=key, san=[x509.DNSName("free.example.com")])
    case("nc-other-root-holds", "SUCCESS", [root_a, root_b], [ica_a, b1, b2], leaf(b1, dns="free.example.com"),
         ("DNS", "free.example.com"))

    # A trusted root also cross-signed in a ring of three CAs (GnuTLS's CVE-2024-0567).
    ka, kb, kc = (ec.generate_private_key(ec.SECP256R1()) for _ in range(3))
    root = make("ring-a", key=ka)
    ring = [make(s, key=k, name=cn(i), signer=sk) for s, k, i, sk in (
        ("ring-a", ka, "ring-b", kb), ("ring-a", ka, "ring-c", kc), ("ring-b", kb, "ring-a", ka),
        ("ring-b", kb, "ring-c", kc), ("ring-c", kc, "ring-a", ka), ("ring-c", kc, "ring-b", kb))]
    a1 = make("ring-a1", root)
    peer = leaf(a1, subject=x509.Name([]), dns=None, extra=[(x509.SubjectAlternativeName(
        [x509.DNSName("ring.example.com")]), True)])
    case("cross-sign-ring", "SUCCESS", [root], [a1] + ring + [make("ring-b1", ring[2]), make("ring-c1", ring[4])],
         peer, ("DNS", "ring.example.com"))
    # A wildcard under an excluded or a narrower permitted name (Go's CVE-2025-61727).
    for cid, permitted, excluded, host in (("nc-wildcard-over-excluded", [x509.DNSName("example.com")],
                                            [x509.DNSName("bar.example.com")], "bar.example.com"),
                                           ("nc-wildcard-wider-than-permitted", [x509.DNSName("foo.example.com")],
                                            None, "foo.example.com")):
        ica = make(cid, r, extra=[nc(permitted=permitted, excluded=excluded)])
        case(cid, "FAILURE", [r], [ica], leaf(ica, dns="*.example.com"), ("DNS", host))


def add_issuers(make, leaf, nc, case, cn):
    """What an issuer must be (§6.1.4 (k)-(n)), EKU chaining for clients, other signature algorithms, odd names."""
    from cryptography.hazmat.primitives.asymmetric import ed25519

    r = make("iss-root")
    no_sign = x509.KeyUsage(True, False, False, False, False, False, True, False, False)
    ica = _with_key_usage(make, r, no_sign)
    case("intermediate-ku-without-keycertsign", "FAILURE", [r], [ica], leaf(ica))
    ica = make("iss-not-yet", r, not_before=datetime.datetime(2026, 7, 1, tzinfo=datetime.timezone.utc))
    case("intermediate-not-yet-valid", "FAILURE", [r], [ica], leaf(ica))
    ica = make("iss-server-only", r, eku=[SERVER])
    case("eku-intermediate-server-only-client-peer", "FAILURE", [r], [ica],
         leaf(ica, dns=None, subject=cn("client"), eku=[SERVER, CLIENT]), None, kind="CLIENT")
    ed = ed25519.Ed25519PrivateKey.generate()
    ed_root = make("iss-ed25519-root", key=ed)
    case("ed25519-root", "SUCCESS", [ed_root], [], leaf(ed_root))
    rv = make("nc-uri-ip-root", extra=[nc(permitted=[x509.UniformResourceIdentifier("example.com")])])
    case("nc-uri-ip-literal-host", "FAILURE", [rv], [],
         leaf(rv, san=[x509.DNSName("example.com"), x509.UniformResourceIdentifier("https://192.0.2.1/")]))
    r4 = make("nc-v4-only-root", extra=[nc(permitted=[x509.IPAddress(IPv4Network("192.0.2.0/24"))])])
    case("nc-ipv4-permitted-mapped-ipv6-leaf", "FAILURE", [r4], [],
         leaf(r4, dns=None, subject=cn("ip"), san=[x509.IPAddress(IPv6Address("::ffff:192.0.2.1"))]),
         ("IP", "::ffff:192.0.2.1"))
    rdn = make("nc-dn-order-root", extra=[nc(permitted=[x509.DirectoryName(
        x509.Name.from_rfc4514_string("CN=x,O=Good,C=US"))])])
    case("nc-dn-other-order", "FAILURE", [rdn], [], leaf(rdn, subject=x509.Name.from_rfc4514_string(
        "CN=x,C=US,O=Good"), dns="example.com"))
    # From limbo's own suite (session 19), classed by design by the harness; features null as in limbo's early files.
    old = make("depth-rollover-ica", r)
    rolled = make("depth-rollover-ica", old)  # same name, new key, signed by the old key: self-issued
    case("max-chain-depth-1-self-issued", "SUCCESS", [r], [old, rolled], leaf(rolled), max_chain_depth=1,
         features=None)
    rd = make("nc-dn-only-root", extra=[nc(permitted=[x509.DirectoryName(cn("foo"))])])
    case("ca-nameconstraints-permitted-dn-match", "SUCCESS", [rd], [],
         leaf(rd, dns=None, subject=cn("foo"), san=[x509.DirectoryName(cn("foo"))]), features=None)


def _with_key_usage(make, issuer, usage):
    """A CA certificate like make()'s whose keyUsage is `usage` (make() gives CAs keyCertSign and cRLSign)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    key = ec.generate_private_key(ec.SECP256R1())
    base = make("iss-ku-no-certsign", issuer, key=key)
    b = (x509.CertificateBuilder().subject_name(base.cert.subject).issuer_name(base.cert.issuer)
         .public_key(key.public_key()).serial_number(base.cert.serial_number + 1)
         .not_valid_before(base.cert.not_valid_before_utc).not_valid_after(base.cert.not_valid_after_utc))
    for e in base.cert.extensions:
        b = b.add_extension(usage if e.oid == x509.oid.ExtensionOID.KEY_USAGE else e.value, critical=e.critical)
    return type(base)(b.sign(issuer.key, hashes.SHA256()), key)
