"""Cases of bench/external/limbo-sample.py after limbo's newer crl family (crl::idp, crl::cabf, crl::external): CRLs
scoped by an issuingDistributionPoint (RFC 5280 §5.2.5, §6.3.3 (b)), the BR rules for partitioned CRLs (BR 7.2.2.1),
and CRLs whose encoding breaks RFC 5280 §5.1 while their signature verifies."""
import datetime

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from limbo_sample_crl import DAY, crl, entry
from limbo_sample_der import children, ee, enc, ica, root

AT = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
WHEN = AT.isoformat()
URI = "http://example.com/partition.crl"


def cdp(*names):
    point = x509.DistributionPoint(full_name=list(names), relative_name=None, reasons=None, crl_issuer=None)
    return (x509.CRLDistributionPoints([point]), False)


def idp(full=None, relative=None, user=False, ca=False, attr=False, reasons=None, indirect=False):
    return (x509.IssuingDistributionPoint(full_name=full, relative_name=relative, only_contains_user_certs=user,
                                          only_contains_ca_certs=ca, only_some_reasons=reasons, indirect_crl=indirect,
                                          only_contains_attribute_certs=attr), True)


def add_crl_idp(case):
    def c(cid, expected, roots, icas, peer, crls, when=WHEN):
        case(cid, expected, roots, icas, peer, crls=crls, features=["has-crl"], when=when)

    def dated_crl(signer, revoked=(), **kw):
        return crl(signer, revoked, this=AT - DAY, nxt=AT + 7 * DAY, **kw)

    uri = x509.UniformResourceIdentifier
    r = root("idp-root")
    # crl::idp: the CRL's scope (distribution point name, onlyContains*) must cover the certificate.
    c("crl::idp::idp-cdp-scope-mismatch", "FAILURE", [r], [], ee(r, cdp=cdp(uri("http://example.com/cdp.crl"))),
      [dated_crl(r, extra=idp(full=[uri("http://example.com/other.crl")]))])
    c("crl::idp::idp-cdp-scope-match", "SUCCESS", [r], [], ee(r, cdp=cdp(uri(URI))),
      [dated_crl(r, extra=idp(full=[uri(URI)]))])
    i = ica("idp-ica", r)
    c("crl::idp::idp-only-contains-user-certs-ca-target", "FAILURE", [r], [i], ee(i),
      [dated_crl(r, extra=idp(user=True)), dated_crl(i)])
    c("crl::idp::idp-only-contains-ca-certs-ee-target", "FAILURE", [r], [], ee(r), [dated_crl(r, extra=idp(ca=True))])
    c("crl::idp::idp-present-certificate-missing-cdp", "FAILURE", [r], [], ee(r),
      [dated_crl(r, extra=idp(full=[uri(URI)]))])
    c("crl::idp::idp-present-certificate-cdp-non-uri-generalname", "FAILURE", [r], [],
      ee(r, cdp=cdp(uri(URI), x509.DNSName("example.com"))), [dated_crl(r, extra=idp(full=[uri(URI)]))])
    c("crl::idp::idp-only-contains-attribute-certs", "FAILURE", [r], [], ee(r),
      [dated_crl(r, [entry(x509.random_serial_number(), AT - DAY)], extra=idp(attr=True))])

    # crl::cabf: BR 7.2.2.1 on partitioned CRLs (fullName of URIs only, no indirectCRL, no onlySomeReasons alone,
    # the CDP's URI byte for byte).
    rdn = x509.RelativeDistinguishedName([x509.NameAttribute(NameOID.COMMON_NAME, "partition")])
    c("crl::cabf::idp-name-relative-to-crl-issuer", "FAILURE", [r], [], ee(r), [dated_crl(r, extra=idp(relative=rdn))])
    c("crl::cabf::idp-fullname-non-uri-generalname", "FAILURE", [r], [], ee(r, cdp=cdp(uri(URI))),
      [dated_crl(r, extra=idp(full=[uri(URI), x509.DNSName("example.com")]))])
    c("crl::cabf::idp-indirect-crl", "FAILURE", [r], [], ee(r, cdp=cdp(uri(URI))),
      [dated_crl(r, extra=idp(full=[uri(URI)], indirect=True))])
    c("crl::cabf::idp-only-some-reasons-no-complete-crl", "FAILURE", [r], [], ee(r, cdp=cdp(uri(URI))),
      [dated_crl(r, extra=idp(full=[uri(URI)], reasons=frozenset([x509.ReasonFlags.key_compromise])))])
    c("crl::cabf::idp-uri-not-byte-identical", "FAILURE", [r], [],
      ee(r, cdp=cdp(uri("http://example.com/crls/%73hard.crl"))),
      [dated_crl(r, extra=idp(full=[uri("http://example.com/crls/shard.crl")]))])

    # crl::external: a CRL revoking the leaf whose encoding breaks §5.1 (limbo: the CRL is void, the leaf accepted).
    when = datetime.datetime(2025, 1, 15, tzinfo=datetime.timezone.utc)
    rx = root("crl-external-root")
    peer = ee(rx, subject="revoked.example.com", dns="revoked.example.com")
    good = crl(rx, [entry(peer.cert.serial_number, when - 2 * DAY)], this=when - DAY, nxt=when + 7 * DAY)
    for cid, change in (("crl-invalid-version", lambda f: [enc(0x02, b"\x05")] + f[1:]),
                        ("crl-update-generalizedtime-2025", _generalized_updates),
                        ("crl-missing-next-update", lambda f: f[:4] + f[5:])):
        case(f"crl::external::{cid}", "SUCCESS", [rx], [], peer, ("DNS", "revoked.example.com"),
             crls=[_RawCrl(resign_crl(good, rx.key, change))], features=["has-crl"], when=when.isoformat())


def _generalized_updates(fields):
    """thisUpdate and nextUpdate (fields 3 and 4 of a v2 tbsCertList) as GeneralizedTime: RFC 5280 §5.1.2.4 wants
    UTCTime for dates through 2049."""
    out = list(fields)
    for k in (3, 4):
        assert out[k][0] == 0x17
        out[k] = enc(0x18, b"20" + out[k][2:])
    return out


def resign_crl(crl_obj, key, change):
    """The DER of a CRL whose tbsCertList fields went through `change`, signed again with the EC `key`."""
    der = crl_obj.public_bytes(serialization.Encoding.DER)
    tbs, alg, _ = children(der)
    tbs = enc(0x30, b"".join(change(children(tbs))))
    return enc(0x30, tbs + alg + enc(0x03, b"\x00" + key.sign(tbs, ec.ECDSA(hashes.SHA256()))))


class _RawCrl:
    """Hand-made CRL DER in the shape case() takes (it calls public_bytes(PEM))."""

    def __init__(self, der):
        self.der = der

    def public_bytes(self, encoding):
        import base64
        body = base64.b64encode(self.der).decode()
        return ("-----BEGIN X509 CRL-----\n" + "\n".join(body[i:i + 64] for i in range(0, len(body), 64)) +
                "\n-----END X509 CRL-----\n").encode()

