"""Cases of bench/external/limbo-sample.py after limbo's rfc5280::{aki,ski,san,serial,validity,eku}, webpki::{aki,ku,
nc,san}, basic, invalid and ee-pathlen families: the certificate profile (RFC 5280 §4, the BRs) and host matching."""
import datetime

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, ObjectIdentifier

from limbo_sample_der import children, ee, enc, ica, integer, issue, ku, name, resign, root

SERVER, CLIENT = ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH


def _at(text):
    return datetime.datetime.fromisoformat(text)


def add_profile(case):
    # AKI and SKI (RFC 5280 §4.2.1.1, §4.2.1.2): a critical one, a missing one.
    k = ec.generate_private_key(ec.SECP256R1())
    r = root("aki-critical-root", key=k, aki=(x509.AuthorityKeyIdentifier.from_issuer_public_key(k.public_key()), True))
    case("rfc5280::aki-critical-on-root", "FAILURE", [r], [], ee(r))
    r = root("aki-root")
    case("rfc5280::aki-missing-on-leaf", "FAILURE", [r], [], ee(r, aki=None))
    i = ica("aki-missing-ica", r, pathlen=0, aki=None)
    case("rfc5280::aki-missing-on-intermediate", "FAILURE", [r], [i], ee(i))
    case("rfc5280::aki-missing-on-self-signed-root", "SUCCESS", [r], [], ee(r))
    x = ica("aki-cross-signed-root", r, pathlen=0, aki=None)
    case("rfc5280::aki-missing-on-cross-signed-anchor", "FAILURE", [x], [], ee(x), features=["pedantic-rfc5280"])
    k = ec.generate_private_key(ec.SECP256R1())
    r2 = root("ski-critical-root", key=k, ski=(x509.SubjectKeyIdentifier.from_public_key(k.public_key()), True))
    case("rfc5280::ski-critical-on-root", "FAILURE", [r2], [], ee(r2))
    r2 = root("ski-missing-root", ski=None)
    case("rfc5280::ski-missing-on-root", "FAILURE", [r2], [], ee(r2))
    i = ica("ski-missing-ica", r, ski=None)
    case("rfc5280::ski-missing-on-intermediate", "FAILURE", [r], [i], ee(i))

    # SAN (§4.2.1.6): undecodable; non-critical with an empty subject.
    raw = (x509.UnrecognizedExtension(x509.oid.ExtensionOID.SUBJECT_ALTERNATIVE_NAME, b"example.com"), False)
    case("rfc5280::san-malformed", "FAILURE", [r], [], ee(r, san=raw))
    case("rfc5280::san-noncritical-empty-subject", "FAILURE", [r], [], ee(r, subject=x509.Name([])))

    # Serial numbers (§4.1.2.2): 22 octets, zero, negative (a self-signed end entity trusted as itself).
    for cid, serial in (("22-octets", (1 << 174) | 12345), ("zero", 0)):  # cryptography builds neither
        peer = resign(ee(r), r.key, lambda f, s=serial: [f[0], integer(s)] + f[2:])
        case(f"rfc5280::serial-{cid}", "FAILURE", [r], [], peer, features=["pedantic-serial-number"])
    k = ec.generate_private_key(ec.SECP256R1())
    self_ee = issue("gov.example", {"bc": (x509.BasicConstraints(False, None), True), "ku": ku("digital_signature"),
                                    "san": (x509.SubjectAlternativeName([x509.DNSName("gov.example")]), False)}, key=k)
    neg = resign(self_ee, k, lambda f: [f[0], integer(-0x1234567)] + f[2:])
    case("rfc5280::serial-negative", "FAILURE", [neg], [], neg, ("DNS", "gov.example"),
         features=["pedantic-serial-number"])

    # Validity (§4.1.2.5, §6.1.3 (a)(2)): each certificate expired in turn; both ends inclusive, to the second.
    def dated(rna, ina, ena):
        r_ = root("val-root", nb=_at("2016-01-01T00:00:00+00:00"), na=_at(rna))
        i_ = ica("val-ica", r_, nb=_at("2016-01-01T00:00:00+00:00"), na=_at(ina))
        return r_, i_, ee(i_, nb=_at("2018-01-01T00:00:00+00:00"), na=_at(ena))
    for cid, dates in (("root", ("2020-01-01", "2026-01-01", "2023-01-01")),
                       ("intermediate", ("2026-01-01", "2020-01-01", "2023-01-01")),
                       ("leaf", ("2026-01-01", "2026-01-01", "2021-01-01"))):
        r_, i_, e_ = dated(*(d + "T00:00:00+00:00" for d in dates))
        case(f"rfc5280::validity-expired-{cid}", "FAILURE", [r_], [i_], e_, when="2022-01-01T00:00:00+00:00")
    for cid, nb, when, expected in (("notbefore-exact", "00:00:00", "2024-03-01T00:00:00+00:00", "SUCCESS"),
                                    ("notbefore-fraction-before", "00:00:01", "2024-03-01T00:00:00.999+00:00",
                                     "FAILURE"),
                                    ("notafter-exact", "00:00:00", "2024-04-01T00:00:00+00:00", "SUCCESS"),
                                    ("notafter-fraction-after", "00:00:00", "2024-04-01T00:00:00.005+00:00",
                                     "SUCCESS")):
        b, e = _at(f"2024-03-01T{nb}+00:00"), _at("2024-04-01T00:00:00+00:00")
        r_ = root("val-exact-root", nb=b, na=e)
        i_ = ica("val-exact-ica", r_, nb=b, na=e)
        case(f"rfc5280::validity-{cid}", expected, [r_], [i_], ee(i_, nb=b, na=e), when=when)

    # EKU (§4.2.1.12): the wrong purpose; none at all (any purpose under RFC 5280).
    case("rfc5280::eku-leaf-client-only", "FAILURE", [r], [], ee(r, eku=(CLIENT,)))
    case("rfc5280::eku-leaf-without-eku", "SUCCESS", [r], [], ee(r, eku=None))

    # Web PKI: the root's AKI (BR 7.1.2.1.3), an RSA leaf with no key usage (BR 7.1.2.7.11), name constraints.
    dn = x509.DirectoryName(name("someone"))
    for cid, make_aki in (("no-key-identifier", lambda kk: x509.AuthorityKeyIdentifier(None, None, None)),
                          ("with-issuer-and-serial", lambda kk: x509.AuthorityKeyIdentifier(
                              x509.AuthorityKeyIdentifier.from_issuer_public_key(kk.public_key()).key_identifier,
                              [dn], 1234)),
                          ("other-key", lambda kk: x509.AuthorityKeyIdentifier.from_issuer_public_key(
                              ec.generate_private_key(ec.SECP256R1()).public_key()))):
        k = ec.generate_private_key(ec.SECP256R1())
        r_ = root(f"webpki-aki-{cid}", key=k, aki=(make_aki(k), False))
        case(f"webpki::aki-root-{cid}", "FAILURE", [r_], [], ee(r_))
    rk = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    case("webpki::ku-rsa-leaf-empty-key-usage", "FAILURE", [r], [], ee(r, key=rk, ku=ku()))
    rn = root("webpki-nc-noncritical-root", nc=(x509.NameConstraints([x509.DNSName("example.com")], None), False))
    case("webpki::nc-noncritical-permitted-match", "SUCCESS", [rn], [], ee(rn))
    for cid, der in (("both-absent", b"\x30\x00"), ("both-empty", b"\x30\x04\xa0\x00\xa1\x00")):
        ext = (x509.UnrecognizedExtension(x509.oid.ExtensionOID.NAME_CONSTRAINTS, der), True)
        i = ica(f"webpki-nc-{cid}", r, nc=ext)
        case(f"webpki::nc-intermediate-subtrees-{cid}", "FAILURE", [r], [i], ee(i))

    # Host names against the SAN (RFC 6125 §6.4, BR wildcard rules).
    def host(cid, expected, san, peer, kind="DNS", features=()):
        sans = [x509.IPAddress(__import__("ipaddress").ip_address(s)) if kind == "IP" else
                x509.DNSName._init_without_validation(s) for s in san]
        case(f"webpki::san-{cid}", expected, [r], [], ee(r, san=(x509.SubjectAlternativeName(sans), False)),
             (kind, peer), features=list(features))
    host("exact-dns", "SUCCESS", ["example.com"], "example.com")
    host("exact-localhost-ip", "SUCCESS", ["127.0.0.1"], "127.0.0.1", "IP")
    host("mismatch-domain", "FAILURE", ["example.com"], "example2.com")
    host("mismatch-sibling", "FAILURE", ["abc.example.com"], "def.example.com")
    host("mismatch-apex-for-subdomain", "FAILURE", ["example.com"], "abc.example.com")
    host("mismatch-subdomain-for-apex", "FAILURE", ["abc.example.com"], "example.com")
    host("public-suffix-wildcard", "FAILURE", ["*.com"], "example.com", features=["pedantic-public-suffix-wildcard"])
    host("public-suffix-wildcard-two-labels", "FAILURE", ["*.co.uk"], "example.co.uk", features=["pedantic-public-suffix-wildcard"])
    host("private-suffix-wildcard", "SUCCESS", ["*.github.io"], "example.github.io")
    host("leftmost-wildcard", "SUCCESS", ["*.example.com"], "foo.example.com")
    host("wildcard-in-label", "FAILURE", ["ba*.example.com"], "baz.example.com")
    host("wildcard-not-leftmost", "FAILURE", ["foo.*.example.com"], "foo.bar.example.com")
    host("wildcard-across-labels", "FAILURE", ["*.example.com"], "foo.bar.example.com")
    host("wildcard-in-a-label", "FAILURE", ["xn--*-1b3c148a.example.com"], "xn--bliss-1b3c148a.example.com")
    host("unicode-dns-name", "FAILURE", ["\U0001F61C.example.com"], "xn--628h.example.com")
    case("webpki::san-none-cn-only", "FAILURE", [r], [], ee(r, dns=None))
    case("webpki::san-critical-nonempty-subject", "FAILURE", [r], [],
         ee(r, subject="something-else", san=(x509.SubjectAlternativeName([x509.DNSName("example.com")]), True)))

    # Structure: a duplicated extension (RFC 5280 §4.2); an issuer whose key cannot be decoded.
    twin = ObjectIdentifier("2.5.29.99")  # same DER length as subjectAltName's 2.5.29.17, renamed after signing
    e = ee(r, extra=(x509.UnrecognizedExtension(twin, x509.SubjectAlternativeName(
        [x509.DNSName("example.com")]).public_bytes()), False))
    dup = resign(e, r.key, lambda f: [t.replace(b"\x06\x03\x55\x1d\x63", b"\x06\x03\x55\x1d\x11") for t in f])
    case("basic::duplicate-extensions", "FAILURE", [r], [], dup)
    r1, r2 = root("invalid-key-root-1"), root("invalid-key-root-2")
    bad = ica("invalid-key-ica", r2)
    spki = enc(0x30, enc(0x30, b"\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01\x05\x00") + enc(0x03, b"\x00"))
    bad_ica = resign(bad, r2.key, lambda f: f[:6] + [spki] + f[7:])
    peer = resign(ee(bad), None, signature=b"\x30\x00")
    case("invalid::issuer-key", "FAILURE", [r1], [bad_ica], peer)

    # An end entity under pathLenConstraint 0, 1, 2 (client validation, no EKU).
    for n in (0, 1, 2):
        i = ica(f"ee-pathlen-ica-{n}", r, pathlen=n)
        case(f"ee-pathlen::intermediate-{n}", "SUCCESS", [r], [i], ee(i, subject="client", dns=None, eku=None), None,
             kind="CLIENT")

