"""Cases of bench/external/limbo-sample.py after limbo's generators as they stand now (session 25), where they hold
chains the earlier sample did not: more rfc5280::nc forms (excluded IP and DN, a constraint that is no CIDR, NC in an
end entity, a root's constraint reaching an intermediate's SAN), rfc5280::pc, the rfc5280 basics of limbo's early
releases, webpki::eku and webpki::aki additions, and validity times in the wrong ASN.1 type."""
import datetime
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_address

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import AuthorityInformationAccessOID, ExtendedKeyUsageOID, ObjectIdentifier

from limbo_sample_der import children, ee, ee_exts, enc, ica, issue, ku, name, resign, root

SERVER, CLIENT = ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH
PRECERT = ObjectIdentifier("1.3.6.1.4.1.11129.2.4.4")


def _nc(permitted=None, excluded=None, critical=True):
    return (x509.NameConstraints(permitted_subtrees=permitted, excluded_subtrees=excluded), critical)


def _san(*names):
    return (x509.SubjectAlternativeName(list(names)), False)


def add_current(case):
    _name_constraints(case)
    _basics(case)
    _webpki(case)


def _name_constraints(case):
    dns, ip, dn = x509.DNSName, x509.IPAddress, x509.DirectoryName
    r = root("nc25-dns-root", nc=_nc(permitted=[dns("example.com")]))
    case("rfc5280::nc::permitted-dns-match-more", "SUCCESS", [r], [], ee(r, san=_san(dns("foo.bar.example.com"))),
         ("DNS", "foo.bar.example.com"))
    r = root("nc25-excl-second-root", nc=_nc(excluded=[dns("not-allowed.example.com")]))
    case("rfc5280::nc::excluded-dns-match-second", "FAILURE", [r], [],
         ee(r, san=_san(dns("example.com"), dns("not-allowed.example.com"))))
    for cid, net, addr, expected in (("excluded-ipv4-match", IPv4Network("192.0.2.0/24"), "192.0.2.1", "FAILURE"),
                                     ("excluded-ipv6-match", IPv6Network("::1/128"), "::1", "FAILURE")):
        rr = root(f"nc25-{cid}-root", nc=_nc(excluded=[ip(net)]))
        case(f"rfc5280::nc::{cid}", expected, [rr], [],
             ee(rr, subject="ip", dns=None, san=_san(ip(ip_address(addr)))), ("IP", addr))
    rr = root("nc25-ipv6-root", nc=_nc(permitted=[ip(IPv6Network("::1/128"))]))
    case("rfc5280::nc::permitted-ipv6-match", "SUCCESS", [rr], [],
         ee(rr, subject="ip", dns=None, san=_san(ip(IPv6Address("::1")))), ("IP", "::1"))
    foo, not_foo = name("foo"), name("not-foo")
    rd = root("nc25-dn-root", nc=_nc(excluded=[dn(foo)]))
    case("rfc5280::nc::excluded-dn-match", "FAILURE", [rd], [], ee(rd, subject=foo, dns=None, san=_san(dn(foo))), None)
    case("rfc5280::nc::excluded-dn-match-sub-mismatch", "FAILURE", [rd], [],
         ee(rd, subject=foo, dns=None, san=_san(dn(not_foo))), None)
    rd = root("nc25-dn-permit-root", nc=_nc(permitted=[dn(foo)]))
    case("rfc5280::nc::permitted-dn-mismatch", "FAILURE", [rd], [],
         ee(rd, subject=not_foo, dns=None, san=_san(dn(not_foo))), None)
    # An iPAddress constraint of 4 or 16 octets (an address, not address and mask, RFC 5280 §4.2.1.10).
    for cid, good, bad, addr in (("invalid-ipv4-address", IPv4Network("0.0.0.0/8"), IPv4Address("127.0.0.1"),
                                  "127.0.0.1"),
                                 ("invalid-ipv6-address", IPv6Network("::1/128"), IPv6Address("::1"), "::1")):
        raw = x509.NameConstraints(permitted_subtrees=[ip(good)], excluded_subtrees=None)
        raw._permitted_subtrees = [ip(bad)]
        rr = root(f"nc25-{cid}-root", nc=(raw, True))
        case(f"rfc5280::nc::{cid}", "FAILURE", [rr], [],
             ee(rr, subject="ip", dns=None, san=_san(ip(ip_address(addr)))), ("IP", addr))
    # nameConstraints in an end entity (§4.2.1.10: "MUST be used only in a CA certificate").
    r = root("nc25-ee-root")
    for crit in (False, True):
        case(f"rfc5280::nc::not-allowed-in-ee-{'critical' if crit else 'noncritical'}", "FAILURE", [r], [],
             ee(r, nc=_nc(permitted=[dns("example.com")], critical=crit)))
    # The root's constraint applies to an intermediate's SAN two levels down.
    rc = root("nc25-root-nc", nc=_nc(permitted=[dns("permitted.example.com")], excluded=[dns("forbidden.example.com")]))
    i1 = ica("nc25-ica1", rc)
    i2 = ica("nc25-ica2", i1, san=_san(dns("forbidden.example.com")))
    case("rfc5280::nc::intermediate-with-san-rejected-by-root-nc", "FAILURE", [rc], [i1, i2],
         ee(i2, dns="permitted.example.com", subject="permitted.example.com"), ("DNS", "permitted.example.com"))


def _basics(case):
    r = root("basic25-root")
    # rfc5280::pc: a policyConstraints that is not critical (§4.2.1.11: MUST be critical).
    i = ica("pc25-ica", r, pc=(x509.PolicyConstraints(require_explicit_policy=3, inhibit_policy_mapping=None), False))
    case("rfc5280::pc::ica-noncritical-pc", "FAILURE", [r], [i], ee(i), features=["has-policy-constraints"])
    # limbo's top-level rfc5280 cases, run from its early releases in session 19, now in the sample too.
    empty_issuer = resign(ee(r, subject="empty-issuer", dns=None), r.key, lambda f: f[:3] + [enc(0x30, b"")] + f[4:])
    case("rfc5280::ee-empty-issuer", "FAILURE", [r], [], empty_issuer, None)
    unrelated = root("basic25-unrelated-root")
    hidden = root("basic25-untrusted-root")
    hi = ica("basic25-untrusted-ica", hidden, pathlen=0)
    case("rfc5280::chain-untrusted-root", "FAILURE", [unrelated], [hidden, hi], ee(hi))
    rb = root("basic25-nobc", bc=None)
    case("rfc5280::root-missing-basic-constraints", "FAILURE", [rb], [], ee(rb))
    aia = x509.AuthorityInformationAccess([x509.AccessDescription(AuthorityInformationAccessOID.CA_ISSUERS,
                                                                  x509.DNSName("example.com"))])
    case("rfc5280::ee-aia", "SUCCESS", [r], [], ee(r, aia=(aia, False)))
    case("rfc5280::ee-critical-aia-invalid", "FAILURE", [r], [], ee(r, aia=(aia, True)))
    case("rfc5280::leaf-ku-keycertsign", "FAILURE", [r], [],
         ee(r, ku=ku("digital_signature", "key_cert_sign", crit=False), bc=(x509.BasicConstraints(False, None), True)))
    case("rfc5280::no-keyusage", "SUCCESS", [r], [], ee(r, ku=None))
    case("rfc5280::no-basicconstraints", "SUCCESS", [r], [], ee(r))
    # Validity in the wrong ASN.1 type: GeneralizedTime for a date before 2050 (§4.1.2.5); 2050 itself is right.
    gen = resign(ee(r), r.key, lambda f: f[:4] + [_generalized_validity(f[4])] + f[5:])
    case("rfc5280::validity::generalizedtime-before-2050", "FAILURE", [r], [], gen)
    late = datetime.datetime(2050, 1, 1, tzinfo=datetime.timezone.utc)
    case("rfc5280::validity::generalizedtime-2050", "SUCCESS", [r], [], ee(r, na=late))


def _generalized_validity(validity):
    """A validity SEQUENCE whose UTCTime notBefore and notAfter (both before 2050) become GeneralizedTime."""
    times = children(validity)
    return enc(0x30, b"".join(enc(0x18, b"20" + t[2:]) if t[0] == 0x17 else t for t in times))


def _webpki(case):
    r = root("webpki25-root")

    def eku_case(cid, expected, usages, critical=False):
        key = ec.generate_private_key(ec.SECP256R1())
        exts = {**ee_exts(key, r.key), "eku": (x509.ExtendedKeyUsage(list(usages)), critical) if usages else None}
        case(f"webpki::eku::{cid}", expected, [r], [], issue("example.com", exts, key=key, issuer=r),
             features=["pedantic-webpki-eku"])
    eku_case("ee-critical-eku", "FAILURE", [SERVER], critical=True)
    eku_case("ee-without-eku", "FAILURE", [])
    eku_case("ee-precertificate-only", "FAILURE", [PRECERT])
    eku_case("ee-precertificate-with-serverauth", "FAILURE", [SERVER, PRECERT])
    eku_case("ee-serverauth-with-additional", "SUCCESS", [SERVER, CLIENT])
    for cid, extra in (("codesigning", ExtendedKeyUsageOID.CODE_SIGNING),
                       ("emailprotection", ExtendedKeyUsageOID.EMAIL_PROTECTION),
                       ("timestamping", ExtendedKeyUsageOID.TIME_STAMPING),
                       ("ocspsigning", ExtendedKeyUsageOID.OCSP_SIGNING)):
        eku_case(f"ee-{cid}-with-serverauth", "FAILURE", [SERVER, extra])
    re_ = root("webpki25-eku-root", eku=(x509.ExtendedKeyUsage([SERVER]), False))
    case("webpki::eku::root-has-eku", "FAILURE", [re_], [], ee(re_), features=["pedantic-webpki-eku"])
    # A root's AKI with authorityCertIssuer alone, or authorityCertSerialNumber alone (BR 7.1.2.1.3: neither).
    for cid in ("authoritycertissuer", "authoritycertserialnumber"):
        k = ec.generate_private_key(ec.SECP256R1())
        aki = x509.AuthorityKeyIdentifier.from_issuer_public_key(k.public_key())
        if cid == "authoritycertissuer":
            aki._authority_cert_issuer = [x509.DirectoryName(name("myCN"))]
        else:
            aki._authority_cert_serial_number = 1234
        ra = root(f"webpki25-aki-{cid}", key=k, aki=(aki, False))
        case(f"webpki::aki::root-with-aki-{cid}", "FAILURE", [ra], [], ee(ra))
