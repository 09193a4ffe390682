"""Cases of bench/external/limbo-sample.py after limbo's rfc5280::crl and webpki::crl families: a root, a leaf and the
CRLs the validator is given (RFC 5280 §5, §6.3)."""
import datetime

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ObjectIdentifier

from limbo_sample_der import ee, ku, root

WHEN = datetime.datetime(2026, 6, 1, tzinfo=datetime.timezone.utc)
DAY = datetime.timedelta(days=1)
UNKNOWN = ObjectIdentifier("1.3.6.1.4.1.55555.66")


def entry(serial, when=WHEN - DAY, ext=None):
    b = x509.RevokedCertificateBuilder().serial_number(serial).revocation_date(when)
    if ext is not None:
        b = b.add_extension(ext[0], critical=ext[1])
    return b.build()


def crl(signer, revoked=(), this=WHEN - DAY, nxt=WHEN + 7 * DAY, number=(x509.CRLNumber(1), False), aki=True,
        extra=None, issuer=None, key=None):
    """A CRL in `signer`'s name (or `issuer`), signed by its key (or `key`), AKI of the signing key."""
    key = key or signer.key
    b = (x509.CertificateRevocationListBuilder().issuer_name(issuer or signer.cert.subject)
         .last_update(this).next_update(nxt))
    if number is not None:
        b = b.add_extension(number[0], critical=number[1])
    if aki:
        b = b.add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(key.public_key()), critical=False)
    if extra is not None:
        b = b.add_extension(extra[0], critical=extra[1])
    for e in revoked:
        b = b.add_revoked_certificate(e)
    return b.sign(key, hashes.SHA256())


def add_crl(case):
    def c(cid, expected, roots, peer, crls, **kw):
        case(f"rfc5280::crl-{cid}", expected, roots, [], peer, crls=crls, features=["has-crl"], **kw)

    r = root("crl-root")
    leaf = ee(r)
    c("leaf-revoked", "FAILURE", [r], leaf, [crl(r, [entry(leaf.cert.serial_number)])])
    other = x509.random_serial_number
    c("number-missing", "FAILURE", [r], leaf, [crl(r, [entry(other())], number=None)])
    c("number-critical", "FAILURE", [r], leaf, [crl(r, [entry(other())], number=(x509.CRLNumber(12345), True))])
    c("leaf-not-listed", "SUCCESS", [r], leaf, [crl(r, [entry(other()), entry(other(), WHEN - 2 * DAY)])])
    r1, r2 = root("crl-root-1"), root("crl-root-2")
    leaf1 = ee(r1)
    c("serial-listed-by-other-issuer", "SUCCESS", [r1, r2], leaf1,
      [crl(r1), crl(r2, [entry(leaf1.cert.serial_number)])])
    c("signed-by-other-root", "FAILURE", [r1, r2], leaf1, [crl(r1, [entry(other())], key=r2.key)])
    c("bad-signature", "FAILURE", [r], leaf,
      [crl(r, [entry(other())], aki=False, extra=(x509.AuthorityKeyIdentifier.from_issuer_public_key(
          r.key.public_key()), False), key=ec.generate_private_key(ec.SECP256R1()))])
    for cid, usage, expected in (("issuer-ku-without-crlsign", ku("key_cert_sign", crit=False), "FAILURE"),
                                 ("issuer-without-ku", None, "SUCCESS"),
                                 ("issuer-ku-certsign-crlsign", ku("key_cert_sign", "crl_sign", crit=False),
                                  "SUCCESS")):
        rk = root(f"crl-{cid}-root", ku=usage)
        peer = ee(rk)
        c(cid, expected, [rk], peer, [crl(rk, [entry(other())])])
    c("empty", "SUCCESS", [r], leaf, [crl(r)])
    c("10000-entries", "SUCCESS", [r], leaf, [crl(r, [entry(other(), WHEN - 30 * DAY) for _ in range(10000)])])
    c("unknown-critical-extension", "FAILURE", [r], leaf,
      [crl(r, [entry(other())], extra=(x509.UnrecognizedExtension(UNKNOWN, b""), True))])
    c("unknown-noncritical-extension", "SUCCESS", [r], leaf,
      [crl(r, [entry(other())], extra=(x509.UnrecognizedExtension(UNKNOWN, b""), False))])
    for crit in (True, False):
        e = entry(leaf.cert.serial_number, ext=(x509.UnrecognizedExtension(UNKNOWN, b""), crit))
        c(f"entry-unknown-{'critical' if crit else 'noncritical'}-extension", "FAILURE", [r], leaf, [crl(r, [e])])
    c("this-update-in-future", "FAILURE", [r], leaf, [crl(r, this=WHEN + DAY, nxt=WHEN + 30 * DAY)])
    c("next-update-in-past", "FAILURE", [r], leaf, [crl(r, this=WHEN - 60 * DAY, nxt=WHEN - 30 * DAY)])
    c("revocation-date-in-future", "FAILURE", [r], leaf, [crl(r, [entry(leaf.cert.serial_number, WHEN + DAY)])])
    young = ee(r, nb=WHEN - 30 * DAY)
    c("revocation-date-before-not-before", "FAILURE", [r], young,
      [crl(r, [entry(young.cert.serial_number, WHEN - 60 * DAY)])])
    c("validity-before-leaf", "FAILURE", [r], ee(r, nb=WHEN - 30 * DAY, na=WHEN + 30 * DAY),
      [crl(r, this=WHEN - 365 * DAY, nxt=WHEN - 180 * DAY)])
    twice = entry(other())
    case("webpki::crl-duplicate-revoked-serial", "FAILURE", [r], [], leaf, crls=[crl(r, [twice, twice])],
         features=["has-crl"])
