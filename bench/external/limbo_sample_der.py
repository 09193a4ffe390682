"""Certificates python cryptography will not build (bench/external/limbo-sample.py): a builder for explicit extension
sets, and DER surgery on a built certificate (a field replaced, then signed again by the issuer's key)."""
import datetime

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

T0 = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
T1 = datetime.datetime(2034, 1, 1, tzinfo=datetime.timezone.utc)
_SERIAL = iter(range(0x200000, 0x300000))


class Pem:
    """A certificate (or CRL) and its key, in the shape limbo-sample.py's case() takes."""

    def __init__(self, cert, key=None, der=None):
        self.cert, self.key, self.der = cert, key, der

    def pem(self):
        if self.der is not None:  # hand-made DER: cryptography may refuse to load it
            return _pem_of(self.der)
        return self.cert.public_bytes(serialization.Encoding.PEM).decode()


def _pem_of(der):
    import base64
    body = base64.b64encode(der).decode()
    return "-----BEGIN CERTIFICATE-----\n" + "\n".join(body[i:i + 64] for i in range(0, len(body), 64)) + \
        "\n-----END CERTIFICATE-----\n"


def name(text):
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, text)])


def ku(*bits, crit=True):
    names = ("digital_signature", "content_commitment", "key_encipherment", "data_encipherment", "key_agreement",
             "key_cert_sign", "crl_sign", "encipher_only", "decipher_only")
    return (x509.KeyUsage(**{n: n in bits for n in names}), crit)


def ca_exts(key, signer=None, pathlen=None):
    """A CA's extensions by slot: basicConstraints, keyUsage, SKI and (issued CAs) AKI; a slot set to None drops it."""
    d = {"bc": (x509.BasicConstraints(True, pathlen), True), "ku": ku("key_cert_sign", "crl_sign"),
         "ski": (x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)}
    if signer is not None:
        d["aki"] = (x509.AuthorityKeyIdentifier.from_issuer_public_key(signer.public_key()), False)
    return d


def ee_exts(key, signer, dns="example.com", eku=(ExtendedKeyUsageOID.SERVER_AUTH,)):
    d = {"ski": (x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False),
         "aki": (x509.AuthorityKeyIdentifier.from_issuer_public_key(signer.public_key()), False),
         "ku": ku("digital_signature"), "eku": (x509.ExtendedKeyUsage(list(eku)), False) if eku else None,
         "san": (x509.SubjectAlternativeName([x509.DNSName(dns)]), False) if dns else None}
    return d


def issue(subject, exts, key=None, issuer=None, serial=None, nb=T0, na=T1, **over):
    """A certificate for `subject` with the extension slots `exts` (overridden by keyword: slot=(ext, critical) or
    None), signed by `issuer` (a Pem) or self-signed."""
    key = key or ec.generate_private_key(ec.SECP256R1())
    subj = subject if isinstance(subject, x509.Name) else name(subject)
    signer = issuer.key if issuer else key
    b = (x509.CertificateBuilder().subject_name(subj).issuer_name(issuer.cert.subject if issuer else subj)
         .public_key(key.public_key()).serial_number(next(_SERIAL) if serial is None else serial)
         .not_valid_before(nb).not_valid_after(na))
    for slot, value in {**exts, **over}.items():
        if value is not None:
            b = b.add_extension(value[0], critical=value[1])
    return Pem(b.sign(signer, _hash(signer)), key)


def root(subject="root", key=None, **over):
    key = key or ec.generate_private_key(ec.SECP256R1())
    return issue(subject, ca_exts(key), key=key, **over)


def ica(subject, parent, key=None, pathlen=None, **over):
    key = key or ec.generate_private_key(ec.SECP256R1())
    return issue(subject, ca_exts(key, parent.key, pathlen), key=key, issuer=parent, **over)


def ee(parent, subject="example.com", key=None, dns="example.com", eku=(ExtendedKeyUsageOID.SERVER_AUTH,), **over):
    key = key or ec.generate_private_key(ec.SECP256R1())
    return issue(subject, ee_exts(key, parent.key, dns, eku), key=key, issuer=parent, **over)


def _hash(key):
    from cryptography.hazmat.primitives.asymmetric import mldsa
    pure = (ed25519.Ed25519PrivateKey, mldsa.MLDSA44PrivateKey, mldsa.MLDSA65PrivateKey, mldsa.MLDSA87PrivateKey)
    return None if isinstance(key, pure) else hashes.SHA256()


# DER surgery: a TLV's parts, its children, and a certificate signed again after its TBS was changed.
def _tlv(data, pos):
    """(tag, content start, end) of the TLV at pos."""
    n = data[pos + 1]
    if n < 0x80:
        return data[pos], pos + 2, pos + 2 + n
    k = n & 0x7F
    size = int.from_bytes(data[pos + 2:pos + 2 + k], "big")
    return data[pos], pos + 2 + k, pos + 2 + k + size


def children(data):
    """The TLVs (whole, as bytes) inside a constructed TLV `data`."""
    _, pos, end = _tlv(data, 0)
    out = []
    while pos < end:
        _, _, nxt = _tlv(data, pos)
        out.append(data[pos:nxt])
        pos = nxt
    return out


def enc(tag, content):
    n = len(content)
    size = bytes([n]) if n < 0x80 else bytes([0x80 | ((n.bit_length() + 7) // 8)]) + n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([tag]) + size + content


def resign(cert, issuer_key, change=None, signature=None):
    """The certificate `cert` (a Pem) with its TBS fields (a list of TLVs) passed through `change`, signed again with
    `issuer_key` (EC or RSA), or given the raw `signature` bytes."""
    der = cert.cert.public_bytes(serialization.Encoding.DER)
    tbs, alg, _ = children(der)
    fields = children(tbs)
    tbs = enc(0x30, b"".join(change(fields) if change else fields))
    if signature is None:
        signature = issuer_key.sign(tbs, ec.ECDSA(hashes.SHA256())) if isinstance(issuer_key, ec.EllipticCurvePrivateKey) \
            else issuer_key.sign(tbs, __import__("cryptography.hazmat.primitives.asymmetric.padding", fromlist=["x"])
                                 .PKCS1v15(), hashes.SHA256())
    out = enc(0x30, tbs + alg + enc(0x03, b"\x00" + signature))
    return Pem(None, cert.key, der=out)


def integer(value):
    """DER INTEGER of a (possibly negative) value."""
    size = max(1, (value.bit_length() + 8) // 8)
    return enc(0x02, value.to_bytes(size, "big", signed=True))


__all__ = ["Pem", "issue", "root", "ica", "ee", "ku", "name", "resign", "children", "enc", "integer", "rsa", "T0", "T1"]
