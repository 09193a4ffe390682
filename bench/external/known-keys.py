#!/usr/bin/env python3
"""Rebuild the table of src/CertLint.Core/Rules/Primitives/Keys/KnownKeys.cs from the numbers printed in the RFCs.

Every entry below is a private key copied from an RFC (section named beside it). For each one the script builds the
key with python3-cryptography (OpenSSL for the binary curves), derives its public half, checks it against the public
value the RFC prints next to the private key (an EdDSA/X25519/X448 public key, EC coordinates, a DSA y, or an RSA
modulus that must equal p*q), and prints the SHA-256 of the DER SubjectPublicKeyInfo: the number KnownKeys.cs looks
up. It stops at the first mismatch, and at a SubjectPublicKeyInfo listed twice.

    python3 bench/external/known-keys.py             # name | source | SPKI SHA-256, one line per key
    python3 bench/external/known-keys.py --cs        # the same as C# lines for KnownKeys.cs
    python3 bench/external/known-keys.py --md        # the same as table rows for rules/key-known-compromised.md
    python3 bench/external/known-keys.py --pem DIR   # also write each private key as DIR/<slug>.key (PKCS#8 PEM)

Needs python3-cryptography (any version with X448/Ed448) and the openssl command (for the binary K-/B- curves of RFC
6979). The test suite does not run this script.
"""
import argparse
import base64
import hashlib
import math
import os
import re
import subprocess
import sys

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, rsa, x448, x25519

Enc, Pub, Priv = serialization.Encoding, serialization.PublicFormat, serialization.PrivateFormat


def b64u(s):
    s = re.sub(r"\s+", "", s)
    return int.from_bytes(base64.urlsafe_b64decode(s + "=" * (-len(s) % 4)), "big")


def hexint(s):
    return int(re.sub(r"\s+", "", s), 16)


def hexbytes(s):
    return bytes.fromhex(re.sub(r"\s+", "", s))


# ---------------------------------------------------------------------------------------------------------- builders
# Each returns (private key, what the RFC prints as the public value, what the private key derives).

RAW = (Enc.Raw, Pub.Raw)
OKP = {"Ed25519": ed25519.Ed25519PrivateKey, "Ed448": ed448.Ed448PrivateKey,
       "X25519": x25519.X25519PrivateKey, "X448": x448.X448PrivateKey}


def okp(kind, secret_hex, public_hex):
    key = OKP[kind].from_private_bytes(hexbytes(secret_hex))
    return key, hexbytes(public_hex), key.public_key().public_bytes(*RAW)


CURVES = {"P-192": ec.SECP192R1, "P-224": ec.SECP224R1, "P-256": ec.SECP256R1, "P-384": ec.SECP384R1,
          "P-521": ec.SECP521R1}


def ecc(curve, d, x, y):
    key = ec.derive_private_key(d, CURVES[curve]())
    n = key.public_key().public_numbers()
    return key, (x, y), (n.x, n.y)


def _der(tag, body):
    n = len(body)
    size = bytes([n]) if n < 0x80 else bytes([0x80 | ((n.bit_length() + 7) // 8)]) + n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([tag]) + size + body


def _openssl(*args, data):
    return subprocess.run(["openssl", *args], input=data, capture_output=True, check=True).stdout


def _der_read(data, at):
    """(tag, content start, content end) of the DER element at offset at."""
    size, start = data[at + 1], at + 2
    if size & 0x80:
        count = size & 0x7F
        size, start = int.from_bytes(data[start:start + count], "big"), start + count
    return data[at], start, start + size


class OpensslEcKey:
    """A key on a binary (K-/B-) curve, which python3-cryptography no longer builds: OpenSSL derives its public half
    from a SEC1 ECPrivateKey that holds only the private scalar and the named curve."""

    def __init__(self, curve, d):
        oid = _openssl("ecparam", "-name", curve, "-outform", "DER", data=b"")
        sec1 = _der(0x30, _der(0x02, b"\x01") + _der(0x04, d.to_bytes((d.bit_length() + 7) // 8, "big")) + _der(0xA0, oid))
        self.pem = _openssl("pkey", "-inform", "DER", data=sec1)
        self.spki = _openssl("pkey", "-inform", "DER", "-pubout", "-outform", "DER", data=sec1)

    def point(self):
        _, start, _ = _der_read(self.spki, 0)               # SubjectPublicKeyInfo
        _, _, alg_end = _der_read(self.spki, start)         # AlgorithmIdentifier
        _, bits, end = _der_read(self.spki, alg_end)        # BIT STRING: unused-bits octet, 04 || X || Y
        encoded = self.spki[bits + 1:end]
        assert encoded[0] == 4, "uncompressed point"
        half = (len(encoded) - 1) // 2
        return int.from_bytes(encoded[1:1 + half], "big"), int.from_bytes(encoded[1 + half:], "big")


def ecc_binary(curve, d, x, y):
    key = OpensslEcKey(curve, d)
    return key, (x, y), key.point()


def rsa_key(n, e, p, q):
    d = pow(e, -1, (p - 1) * (q - 1) // math.gcd(p - 1, q - 1))
    key = rsa.RSAPrivateNumbers(p, q, d, d % (p - 1), d % (q - 1), pow(q, -1, p), rsa.RSAPublicNumbers(e, p * q)).private_key()
    return key, n, key.public_key().public_numbers().n


def rsa_key_from_d(n, e, d):
    """An RSA key taken as (n, e, d): the primes recovered from them must multiply back to n."""
    p, q = rsa.rsa_recover_prime_factors(n, e, d)
    return rsa_key(n, e, p, q)


def dsa_key(p, q, g, x, y):
    params = dsa.DSAParameterNumbers(p, q, g)
    key = dsa.DSAPrivateNumbers(x, dsa.DSAPublicNumbers(pow(g, x, p), params)).private_key()
    return key, y, key.public_key().public_numbers().y


# ----------------------------------------------------------------------------------------------------------- the keys
# (name, source, builder, args). Numbers are copied from the RFC text as printed.

KEYS = [
    # RFC 7520 §3 (JOSE Cookbook): the keys every later example of the cookbook signs and encrypts with.
    ("bilbo.baggins@hobbiton.example EC P-521 key", "RFC 7520 §3.2", ecc, (
        "P-521",
        b64u("AAhRON2r9cqXX1hg-RoI6R1tX5p2rUAYdmpHZoC1XNM56KtscrX6zbKipQrCW9CGZH3T4ubpnoTKLDYJ_fF3_rJt"),
        b64u("AHKZLLOsCOzz5cY97ewNUajB957y-C-U88c3v13nmGZx6sYl_oJXu9A5RkTKqjqvjyekWF-7ytDyRXYgCF5cj0Kt"),
        b64u("AdymlHvOiLxXkEhayXQnNCvDX4h9htZaCJN34kfmC6pV5OhQHiraVySsUdaQkAgDPrwQrJmbnX9cwlGfP-HqHZR1"))),
    ("bilbo.baggins@hobbiton.example RSA 2048 key", "RFC 7520 §3.4", rsa_key, (
        b64u("""n4EPtAOCc9AlkeQHPzHStgAbgs7bTZLwUBZdR8_KuKPEHLd4rHVTeT-O-XV2jRojdNhxJWTDvNd7nqQ0VEiZQHz_AJmSCpMaJMRBSFKrKb2wqV
             wGU_NsYOYL-QtiWN2lbzcEe6XC0dApr5ydQLrHqkHHig3RBordaZ6Aj-oBHqFEHYpPe7Tpe-OfVfHd1E6cS6M1FZcD1NNLYD5lFHpPI9bTwJlsde
             3uhGqC0ZCuEHg8lhzwOHrtIQbS0FVbb9k3-tVTU4fg_3L_vniUFAKwuCLqKnS2BYwdq_mzSnbLY7h_qixoR7jig3__kRhuaxwUkRz5iaiQkqgc5g
             HdrNP5zw"""),
        65537,
        b64u("""3Slxg_DwTXJcb6095RoXygQCAZ5RnAvZlno1yhHtnUex_fp7AZ_9nRaO7HX_-SFfGQeutao2TDjDAWU4Vupk8rw9JR0AzZ0N2fvuIAmr_WCsmG
             peNqQnev1T7IyEsnh8UMt-n5CafhkikzhEsrmndH6LxOrvRJlsPp6Zv8bUq0k"""),
        b64u("""uKE2dh-cTf6ERF4k4e_jy78GfPYUIaUyoSSJuBzp3Cubk3OCqs6grT8bR_cu0Dm1MZwWmtdqDyI95HrUeq3MP15vMMON8lHTeZu2lmKvwqW7an
             V5UzhM1iZ7z4yMkuUwFWoBvyY898EXvRD-hdqRxHlSqAZ192zB3pVFJ0s7pFc"""))),
    # RFC 7520 §5: the static recipient keys of the JWE examples (the ephemeral "epk" keys of §5.4/§5.5 are left out).
    ("frodo.baggins@hobbiton.example RSA 2048 key", "RFC 7520 §5.1.1", rsa_key, (
        b64u("""maxhbsmBtdQ3CNrKvprUE6n9lYcregDMLYNeTAWcLj8NnPU9XIYegTHVHQjxKDSHP2l-F5jS7sppG1wgdAqZyhnWvXhYNvcM7RfgKxqNx_xAHx
             6f3yy7s-M9PSNCwPC2lh6UAkR4I00EhV9lrypM9Pi4lBUop9t5fS9W5UNwaAllhrd-osQGPjIeI1deHTwx-ZTHu3C60Pu_LJIl6hKn9wbwaUmA4c
             R5Bd2pgbaY7ASgsjCUbtYJaNIHSoHXprUdJZKUMAzV0WOKPfA6OPI4oypBadjvMZ4ZAj3BnXaSYsEZhaueTXvZB4eZOAjIyh2e_VOIKVMsnDrJYA
             VotGlvMQ"""),
        65537,
        b64u("""2DwQmZ43FoTnQ8IkUj3BmKRf5Eh2mizZA5xEJ2MinUE3sdTYKSLtaEoekX9vbBZuWxHdVhM6UnKCJ_2iNk8Z0ayLYHL0_G21aXf9-unynEpUsH
             7HHTklLpYAzOOx1ZgVljoxAdWNn3hiEFrjZLZGS7lOH-a3QQlDDQoJOJ2VFmU"""),
        b64u("""te8LY4-W7IyaqH1ExujjMqkTAlTeRbv0VLQnfLY2xINnrWdwiQ93_VF099aP1ESeLja2nw-6iKIe-qT7mtCPozKfVtUYfz5HrJ_XY2kfexJINb
             9lhZHMv5p1skZpeIS-GPHCC6gRlKo1q-idn_qxyusfWv7WAxlSVfQfk8d6Et0"""))),
    ("samwise.gamgee@hobbiton.example RSA 4096 key", "RFC 7520 §5.2.1", rsa_key, (
        b64u("""wbdxI55VaanZXPY29Lg5hdmv2XhvqAhoxUkanfzf2-5zVUxa6prHRrI4pP1AhoqJRlZfYtWWd5mmHRG2pAHIlh0ySJ9wi0BioZBl1XP2e-C-Fy
             XJGcTy0HdKQWlrfhTm42EW7Vv04r4gfao6uxjLGwfpGrZLarohiWCPnkNrg71S2CuNZSQBIPGjXfkmIy2tl_VWgGnL22GplyXj5YlBLdxXp3XeSt
             sqo571utNfoUTU8E4qdzJ3U1DItoVkPGsMwlmmnJiwA7sXRItBCivR4M5qnZtdw-7v4WuR4779ubDuJ5nalMv2S66-RPcnFAzWSKxtBDnFJJDGIU
             e7Tzizjg1nms0Xq_yPub_UOlWn0ec85FCft1hACpWG8schrOBeNqHBODFskYpUc2LC5JA2TaPF2dA67dg1TTsC_FupfQ2kNGcE1LgprxKHcVWYQb
             86B-HozjHZcqtauBzFNV5tbTuB-TpkcvJfNcFLlH3b8mb-H_ox35FjqBSAjLKyoeqfKTpVjvXhd09knwgJf6VKq6UC418_TOljMVfFTWXUxlnfhO
             OnzW6HSSzD1c9WrCuVzsUMv54szidQ9wf1cYWf3g5qFDxDQKis99gcDaiCAwM3yEBIzuNeeCa5dartHDb1xEB_HcHSeYbghbMjGfasvKn0aZRsnT
             yC0xhWBlsolZE"""),
        65537,
        b64u("""7_2v3OQZzlPFcHyYfLABQ3XP85Es4hCdwCkbDeltaUXgVy9l9etKghvM4hRkOvbb01kYVuLFmxIkCDtpi-zLCYAdXKrAK3PtSbtzld_XZ9nlsY
             a_QZWpXB_IrtFjVfdKUdMz94pHUhFGFj7nr6NNxfpiHSHWFE1zD_AC3mY46J961Y2LRnreVwAGNw53p07Db8yD_92pDa97vqcZOdgtybH9q6uma-
             RFNhO1AoiJhYZj69hjmMRXx-x56HO9cnXNbmzNSCFCKnQmn4GQLmRj9sfbZRqL94bbtE4_e0Zrpo8RNo8vxRLqQNwIy85fc6BRgBJomt8QdQvIgP
             gWCv5HoQ"""),
        b64u("""zqOHk1P6WN_rHuM7ZF1cXH0x6RuOHq67WuHiSknqQeefGBA9PWs6ZyKQCO-O6mKXtcgE8_Q_hA2kMRcKOcvHil1hqMCNSXlflM7WPRPZu2qCDc
             qssd_uMbP-DqYthH_EzwL9KnYoH7JQFxxmcv5An8oXUtTwk4knKjkIYGRuUwfQTus0w1NfjFAyxOOiAQ37ussIcE6C6ZSsM3n41UlbJ7TCqewzVJ
             aPJN5cxjySPZPD3Vp01a9YgAD6a3IIaKJdIxJS1ImnfPevSJQBE79-EXe2kSwVgOzvt-gsmM29QQ8veHy4uAqca5dZzMs7hkkHtw1z0jHV90epQJ
             JlXXnH8Q"""))),
    ("peregrin.took@tuckborough.example EC P-384 key", "RFC 7520 §5.4.1", ecc, (
        "P-384",
        b64u("iTx2pk7wW-GqJkHcEkFQb2EFyYcO7RugmaW3mRrQVAOUiPommT0IdnYK2xDlZh-j"),
        b64u("YU4rRUzdmVqmRtWOs2OpDE_T5fsNIodcG8G5FWPrTPMyxpzsSOGaQLpe2FpxBmu2"),
        b64u("A8-yxCHxkfBz3hKZfI1jUYMjUhsEveZ9THuwFjH2sCNdtksRJU7D5-SkgaFL1ETP"))),
    ("meriadoc.brandybuck@buckland.example EC P-256 key", "RFC 7520 §5.5.1", ecc, (
        "P-256",
        b64u("r_kHyZ-a06rmxM3yESK84r1otSg-aQcVStkRhA-iCM8"),
        b64u("Ze2loSV3wrroKUN_4zhwGhCqo3Xhu1td4QjeQ5wIVR0"),
        b64u("HlLtdXARY_f55A3fnzQbPcm6hgr34Mp8p-nuzQCE0Zw"))),
    # RFC 7515 Appendix A (JWS examples). A.1 and A.5 are an HMAC key and "none": no key pair.
    ("JWS example RSA 2048 key", "RFC 7515 Appendix A.2.1", rsa_key, (
        b64u("""ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-
             pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg6
             65xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyu
             XpoQ"""),
        65537,
        b64u("""4BzEEOtIpmVdVEZNCqS7baC4crd0pqnRH_5IB3jw3bcxGn6QLvnEtfdUdiYrqBdss1l58BQ3KhooKeQTa9AB0Hw_Py5PJdTJNPY8cQn7ouZ2KKDc
             mnPGBY5t7yLc1QlQ5xHdwW1VhvKn-nXqhJTBgIPgtldC-KDV5z-y2XDwGUc"""),
        b64u("""uQPEfgmVtjL0Uyyx88GZFF1fOunH3-7cepKmtH4pxhtCoHqpWmT8YAmZxaewHgHAjLYsp1ZSe7zFYHj7C6ul7TjeLQeZD_YwD66t62wDmpe_HlB-
             TnBA-njbglfIsRLtXlnDzQkv5dTltRJ11BKBBypeeF6689rjcJIDEz9RWdc"""))),
    ("JWS example EC P-256 key", "RFC 7515 Appendix A.3.1", ecc, (
        "P-256",
        b64u("jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI"),
        b64u("f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU"),
        b64u("x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"))),
    ("JWS example EC P-521 key", "RFC 7515 Appendix A.4.1", ecc, (
        "P-521",
        b64u("AY5pb7A0UFiB3RELSD64fTLOSV_jazdF7fLYyuTw8lOfRhWg6Y6rUrPAxerEzgdRhajnu0ferB0d53vM9mE15j2C"),
        b64u("AekpBQ8ST8a8VcfVOTNl353vSrDCLLJXmPk06wTjxrrjcBpXp5EOnYG_NjFZ6OvLFV1jSfS9tsz4qUxcWceqwQGk"),
        b64u("ADSmRA43Z1DSNx_RvcLI87cdL07l6jQyyBXMoxVg_l2Th-x3S1WDhjDly79ajL4Kkd0AZMaZmh9ubmf63e3kyMj2"))),
    # RFC 7516 Appendix A.1.3 / A.2.3: the JWE examples' RSA keys, printed as n, e, d (A.4 reuses both).
    ("JWE example RSA-OAEP key", "RFC 7516 Appendix A.1.3", rsa_key_from_d, (
        b64u("""oahUIoWw0K0usKNuOR6H4wkf4oBUXHTxRvgb48E-BVvxkeDNjbC4he8rUWcJoZmds2h7M70imEVhRU5djINXtqllXI4DFqcI1DgjT9LewND8MW2Krf
             3Spsk_ZkoFnilakGygTwpZ3uesH-PFABNIUYpOiN15dsQRkgr0vEhxN92i2asbOenSZeyaxziK72UwxrrKoExv6kc5twXTq4h-QChLOln0_mtUZwfsRa
             MStPs6mS6XrgxnxbWhojf663tuEQueGC-FCMfra36C9knDFGzKsNa7LZK2djYgyD3JR_MB_4NUJW_TqOQtwHYbxevoJArm-L5StowjzGy-_bq6Gw"""),
        65537,
        b64u("""kLdtIj6GbDks_ApCSTYQtelcNttlKiOyPzMrXHeI-yk1F7-kpDxY4-WY5NWV5KntaEeXS1j82E375xxhWMHXyvjYecPT9fpwR_M9gV8n9Hrh2anTpTD9
             3Dt62ypW3yDsJzBnTnrYu1iwWRgBKrEYY46qAZIrA2xAwnm2X7uGR1hghkqDp0Vqj3kbSCz1XyfCs6_LehBwtxHIyh8Ripy40p24moOAbgxVw3rxT_vl
             t3UVe4WO3JkJOzlpUf-KTVI2Ptgm-dARxTEtE-id-4OJr0h-K-VFs3VSndVTIznSxfyrj8ILL6MG_Uv8YAu7VILSB3lOW085-4qE3DzgrTjgyQ"""))),
    ("JWE example RSA1_5 key", "RFC 7516 Appendix A.2.3", rsa_key_from_d, (
        b64u("""sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1WlUzewbgBHod5pcM9H95GQRV3JDXboIRROSBigeC5yjU1hGzHHyXss8UDp
             recbAYxknTcQkhslANGRUZmdTOQ5qTRsLAt6BTYuyvVRdhS8exSZEy_c4gs_7svlJJQ4H9_NxsiIoLwAEk7-Q3UXERGYw_75IDrGA84-lA_-Ct4eTlX
             HBIY2EaV7t7LjJaynVJCpkv4LKjTTAumiGUIuQhrNhZLuF_RJLqHpM2kgWFLU7-VTdL1VbC2tejvcI2BlMkEpk1BzBZI0KQB0GaDWFLN-aEAw3vRw"""),
        65537,
        b64u("""VFCWOqXr8nvZNyaaJLXdnNPXZKRaWCjkU5Q2egQQpTBMwhprMzWzpR8Sxq1OPThh_J6MUD8Z35wky9b8eEO0pwNS8xlh1lOFRRBoNqDIKVOku0aZb-
             rynq8cxjDTLZQ6Fz7jSjR1Klop-YKaUHc9GsEofQqYruPhzSA-QgajZGPbE_0ZaVDJHfyd7UUBUKunFMScbflYAAOYJqVIVwaYR5zWEEceUjNnTNo_
             CVSj-VvXLO5VZfCUAVLgW4dpf1SrtZjSt34YLsRarSb127reG_DUwg9Ch-KyvjT1SkHgUWRVGcyly7uvVGRSDwsXypdrNinPA4jlhoNdizK2zF2CWQ"""))),
    # RFC 7517 Appendix A.2 (JWK example private keys). Appendix B prints a certificate and public key only.
    ("JWK example EC P-256 key (kid 1)", "RFC 7517 Appendix A.2", ecc, (
        "P-256",
        b64u("870MB6gfuTJ4HtUnUvYMyJpr5eUZNP4Bk43bVdj3eAE"),
        b64u("MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4"),
        b64u("4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM"))),
    ("JWK example RSA 2048 key (kid 2011-04-29)", "RFC 7517 Appendix A.2", rsa_key, (
        b64u("""0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknj
             hMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQ
             vRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKn
             qDKgw"""),
        65537,
        b64u("""83i-7IvMGXoMXCskv73TKr8637FiO7Z27zv8oj6pbWUQyLPQBQxtPVnwD20R-60eTDmD2ujnMt5PoqMrm8RfmNhVWDtjjMmCMjOpSXicFHj7XOuV
             IYQyqVWlWEh6dN36GVZYk93N8Bc9vY41xy8B9RzzOGVQzXvNEvn7O0nVbfs"""),
        b64u("""3dfOR9cuYq-0S-mkFLzgItgMEfFzB2q3hWehMuG0oCuqnb3vobLyumqjVZQO1dIrdwgTnCdpYzBcOfW5r370AFXjiWft_NGEiovonizhKpo9VVS7
             8TzFgxkIdrecRezsZ-1kYd_s1qDbxtkDEgfAITAG9LUnADun4vIcb6yelxk"""))),
    # RFC 7517 Appendix C.1: the RSA key the JWK-encryption example of Appendix C encrypts (printed in the clear first).
    ("juliet@capulet.lit RSA 2048 key", "RFC 7517 Appendix C.1", rsa_key, (
        b64u("""t6Q8PWSi1dkJj9hTP8hNYFlvadM7DflW9mWepOJhJ66w7nyoK1gPNqFMSQRyO125Gp-TEkodhWr0iujjHVx7BcV0llS4w5ACGgPrcAd6ZcSR0-Iqom
             -QFcNP8Sjg086MwoqQU_LYywlAGZ21WSdS_PERyGFiNnj3QQlO8Yns5jCtLCRwLHL0Pb1fEv45AuRIuUfVcPySBWYnDyGxvjYGDSM-AqWS9zIQ2Zil
             gT-GqUmipg0XOC0Cc20rgLe2ymLHjpHciCKVAbY5-L32-lSeZO-Os6U15_aXrk9Gw8cPUaX1_I8sLGuSiVdt3C_Fn2PZ3Z8i744FPFGGcG1qs2Wz-Q"""),
        65537,
        b64u("""2rnSOV4hKSN8sS4CgcQHFbs08XboFDqKum3sc4h3GRxrTmQdl1ZK9uw-PIHfQP0FkxXVrx-WE-ZEbrqivH_2iCLUS7wAl6XvARt1KkIaUxPPSYB9yk31s0Q8
             UK96E3_OrADAYtAJs-M3JxCLfNgqh56HDnETTQhH3rCT5T3yJws"""),
        b64u("""1u_RiFDP7LBYh3N4GXLT9OpSKYP0uQZyiaZwBtOCBNJgQxaj10RWjsZu0c6Iedis4S7B_coSKB0Kj9PaPaBzg-IySRvvcQuPamQu66riMhjVtG6TlV8CL
             CYKrYl52ziqK0E_ym2QnkwsUX7eYTB7LbAHRK9GqocDE5B0f808I4s"""))),
    # RFC 8032 §7.1: Ed25519 test vectors (SECRET KEY, PUBLIC KEY).
    ("Ed25519 TEST 1 key, also RFC 8037 A.1's JWK", "RFC 8032 §7.1", okp, (
        "Ed25519", "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")),
    ("Ed25519 TEST 2 key", "RFC 8032 §7.1", okp, (
        "Ed25519", "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c")),
    ("Ed25519 TEST 3 key", "RFC 8032 §7.1", okp, (
        "Ed25519", "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
        "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025")),
    ("Ed25519 TEST 1024 key", "RFC 8032 §7.1", okp, (
        "Ed25519", "f5e5767cf153319517630f226876b86c8160cc583bc013744c6bf255f5cc0ee5",
        "278117fc144c72340f67d0f2316e8386ceffbf2b2428c9c51fef7c597f1d426e")),
    ("Ed25519 TEST SHA(abc) key", "RFC 8032 §7.1", okp, (
        "Ed25519", "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42",
        "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf")),
    # RFC 8032 §7.4: Ed448 test vectors; "1 octet" and "1 octet (with context)" share one key.
    ("Ed448 Blank key", "RFC 8032 §7.4", okp, (
        "Ed448", "6c82a562cb808d10d632be89c8513ebf6c929f34ddfa8c9f63c9960ef6e348a3528c8a3fcc2f044e39a3fc5b94492f8f032e7549a20098f95b",
        "5fd7449b59b461fd2ce787ec616ad46a1da1342485a70e1f8a0ea75d80e96778edf124769b46c7061bd6783df1e50f6cd1fa1abeafe8256180")),
    ("Ed448 1 octet key", "RFC 8032 §7.4", okp, (
        "Ed448", "c4eab05d357007c632f3dbb48489924d552b08fe0c353a0d4a1f00acda2c463afbea67c5e8d2877c5e3bc397a659949ef8021e954e0a12274e",
        "43ba28f430cdff456ae531545f7ecd0ac834a55d9358c0372bfa0c6c6798c0866aea01eb00742802b8438ea4cb82169c235160627b4c3a9480")),
    ("Ed448 11 octets key", "RFC 8032 §7.4", okp, (
        "Ed448", "cd23d24f714274e744343237b93290f511f6425f98e64459ff203e8985083ffdf60500553abc0e05cd02184bdb89c4ccd67e187951267eb328",
        "dcea9e78f35a1bf3499a831b10b86c90aac01cd84b67a0109b55a36e9328b1e365fce161d71ce7131a543ea4cb5f7e9f1d8b00696447001400")),
    ("Ed448 12 octets key", "RFC 8032 §7.4", okp, (
        "Ed448", "258cdd4ada32ed9c9ff54e63756ae582fb8fab2ac721f2c8e676a72768513d939f63dddb55609133f29adf86ec9929dccb52c1c5fd2ff7e21b",
        "3ba16da0c6f2cc1f30187740756f5e798d6bc5fc015d7c63cc9510ee3fd44adc24d8e968b6e46e6f94d19b945361726bd75e149ef09817f580")),
    ("Ed448 13 octets key", "RFC 8032 §7.4", okp, (
        "Ed448", "7ef4e84544236752fbb56b8f31a23a10e42814f5f55ca037cdcc11c64c9a3b2949c1bb60700314611732a6c2fea98eebc0266a11a93970100e",
        "b3da079b0aa493a5772029f0467baebee5a8112d9d3a22532361da294f7bb3815c5dc59e176b4d9f381ca0938e13c6c07b174be65dfa578e80")),
    ("Ed448 64 octets key", "RFC 8032 §7.4", okp, (
        "Ed448", "d65df341ad13e008567688baedda8e9dcdc17dc024974ea5b4227b6530e339bff21f99e68ca6968f3cca6dfe0fb9f4fab4fa135d5542ea3f01",
        "df9705f58edbab802c7f8363cfe5560ab1c6132c20a9f1dd163483a26f8ac53a39d6808bf4a1dfbd261b099bb03b3fb50906cb28bd8a081f00")),
    ("Ed448 256 octets key", "RFC 8032 §7.4", okp, (
        "Ed448", "2ec5fe3c17045abdb136a5e6a913e32ab75ae68b53d2fc149b77e504132d37569b7e766ba74a19bd6162343a21c8590aa9cebca9014c636df5",
        "79756f014dcfe2079f5dd9e718be4171e2ef2486a08f25186f6bff43a9936b9bfe12402b08ae65798a3d81e22e9ec80e7690862ef3d4ed3a00")),
    ("Ed448 1023 octets key", "RFC 8032 §7.4", okp, (
        "Ed448", "872d093780f5d3730df7c212664b37b8a0f24f56810daa8382cd4fa3f77634ec44dc54f1c2ed9bea86fafb7632d8be199ea165f5ad55dd9ce8",
        "a81b2e8a70a5ac94ffdbcc9badfc3feb0801f258578bb114ad44ece1ec0e799da08effb81c5d685c0c56f64eecaef8cdf11cc38737838cf400")),
    # RFC 8032 §7.2 (Ed25519ctx: "foo", "bar", "foo2" share the first key) and §7.5 (Ed448ph; its Ed448ph-with-context
    # vector uses the same key). §7.3's Ed25519ph key is §7.1's TEST SHA(abc) key, listed once above.
    ("Ed25519ctx foo key", "RFC 8032 §7.2", okp, (
        "Ed25519", "0305334e381af78f141cb666f6199f57bc3495335a256a95bd2a55bf546663f6",
        "dfc9425e4f968f7f0c29f0259cf5f9aed6851c2bb4ad8bfb860cfee0ab248292")),
    ("Ed25519ctx foo3 key", "RFC 8032 §7.2", okp, (
        "Ed25519", "ab9c2853ce297ddab85c993b3ae14bcad39b2c682beabc27d6d4eb20711d6560",
        "0f1d1274943b91415889152e893d80e93275a1fc0b65fd71b4b0dda10ad7d772")),
    ("Ed448ph abc key", "RFC 8032 §7.5", okp, (
        "Ed448", "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42ef7822e0d5104127dc05d6dbefde69e3ab2cec7c867c6e2c49",
        "259b71c19f83ef77a7abd26524cbdb3161b590a48f7d17de3ee0ba9c52beb743c09428a131d6b1b57303d90d8132c276d5ed3d5d01c0f53880")),
    # RFC 7748 §6.1 / §6.2: the Diffie-Hellman examples' private keys (the RFC prints each public key beside them).
    ("X25519 Alice's key", "RFC 7748 §6.1", okp, (
        "X25519", "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a",
        "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a")),
    ("X25519 Bob's key", "RFC 7748 §6.1", okp, (
        "X25519", "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb",
        "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f")),
    ("X448 Alice's key", "RFC 7748 §6.2", okp, (
        "X448", "9a8f4925d1519f5775cf46b04b5800d4ee9ee8bae8bc5565d498c28dd9c9baf574a9419744897391006382a6f127ab1d9ac2d8c0a598726b",
        "9b08f7cc31b7e3e67d22d5aea121074a273bd2b83de09c63faa73d2c22c5d9bbc836647241d953d40c5b12da88120d53177f80e532c41fa0")),
    ("X448 Bob's key", "RFC 7748 §6.2", okp, (
        "X448", "1c306a7ac2a0e2e0990b294470cba339e6453772b075811d8fad0d1d6927c120bb5ee8972b0d3e21374c9c921b09d1b0366f10b65173992d",
        "3eb7a829b0cd20f5bcfc0b599b6feccf6da4627107bdb0d4f345b43027d8b972fc3e34fb4232a13ca706dcb57aec3dae07bdc1c67bf33609")),
    # RFC 6979 Appendix A.2: the deterministic-signature examples' keys (p, q, g, x, y / curve, x, Ux, Uy).
    ("DSA 1024 example key", "RFC 6979 Appendix A.2.1", dsa_key, (
        hexint("""86F5CA03DCFEB225063FF830A0C769B9DD9D6153AD91D7CE27F787C43278B447E6533B86B18BED6E8A48B784A14C252C5BE0DBF60B86D6385BD2F12FB763ED88
                  73ABFD3F5BA2E0A8C0A59082EAC056935E529DAF7C610467899C77ADEDFC846C881870B7B19B2B58F9BE0521A17002E3BDD6B86685EE90B3D9A1B02B782B1779"""),
        hexint("996F967F6C8E388D9E28D01E205FBA957A5698B1"),
        hexint("""07B0F92546150B62514BB771E2A0C0CE387F03BDA6C56B505209FF25FD3C133D89BBCD97E904E09114D9A7DEFDEADFC9078EA544D2E401AEECC40BB9FBBF78FD
                  87995A10A1C27CB7789B594BA7EFB5C4326A9FE59A070E136DB77175464ADCA417BE5DCE2F40D10A46A3A3943F26AB7FD9C0398FF8C76EE0A56826A8A88F1DBD"""),
        hexint("411602CB19A6CCC34494D79D98EF1E7ED5AF25F7"),
        hexint("""5DF5E01DED31D0297E274E1691C192FE5868FEF9E19A84776454B100CF16F65392195A38B90523E2542EE61871C0440CB87C322FC4B4D2EC5E1E7EC766E1BE8D
                  4CE935437DC11C3C8FD426338933EBFE739CB3465F4D3668C5E473508253B1E682F65CBDC4FAE93C2EA212390E54905A86E2223170B44EAA7DA5DD9FFCFB7F3B"""))),
    ("DSA 2048 example key", "RFC 6979 Appendix A.2.2", dsa_key, (
        hexint("""9DB6FB5951B66BB6FE1E140F1D2CE5502374161FD6538DF1648218642F0B5C48C8F7A41AADFA187324B87674FA1822B00F1ECF8136943D7C55757264E5A1A44F
                  FE012E9936E00C1D3E9310B01C7D179805D3058B2A9F4BB6F9716BFE6117C6B5B3CC4D9BE341104AD4A80AD6C94E005F4B993E14F091EB51743BF33050C38DE2
                  35567E1B34C3D6A5C0CEAA1A0F368213C3D19843D0B4B09DCB9FC72D39C8DE41F1BF14D4BB4563CA28371621CAD3324B6A2D392145BEBFAC748805236F5CA2FE
                  92B871CD8F9C36D3292B5509CA8CAA77A2ADFC7BFD77DDA6F71125A7456FEA153E433256A2261C6A06ED3693797E7995FAD5AABBCFBE3EDA2741E375404AE25B"""),
        hexint("F2C3119374CE76C9356990B465374A17F23F9ED35089BD969F61C6DDE9998C1F"),
        hexint("""5C7FF6B06F8F143FE8288433493E4769C4D988ACE5BE25A0E24809670716C613D7B0CEE6932F8FAA7C44D2CB24523DA53FBE4F6EC3595892D1AA58C4328A06C4
                  6A15662E7EAA703A1DECF8BBB2D05DBE2EB956C142A338661D10461C0D135472085057F3494309FFA73C611F78B32ADBB5740C361C9F35BE90997DB2014E2EF5
                  AA61782F52ABEB8BD6432C4DD097BC5423B285DAFB60DC364E8161F4A2A35ACA3A10B1C4D203CC76A470A33AFDCBDD92959859ABD8B56E1725252D78EAC66E71
                  BA9AE3F1DD2487199874393CD4D832186800654760E1E34C09E4D155179F9EC0DC4473F996BDCE6EED1CABED8B6F116F7AD9CF505DF0F998E34AB27514B0FFE7"""),
        hexint("69C7548C21D0DFEA6B9A51C9EAD4E27C33D3B3F180316E5BCAB92C933F0E4DBC"),
        hexint("""667098C654426C78D7F8201EAC6C203EF030D43605032C2F1FA937E5237DBD949F34A0A2564FE126DC8B715C5141802CE0979C8246463C40E6B6BDAA2513FA61
                  1728716C2E4FD53BC95B89E69949D96512E873B9C8F8DFD499CC312882561ADECB31F658E934C0C197F2C4D96B05CBAD67381E7B768891E4DA3843D24D94CDFB
                  5126E9B8BF21E8358EE0E0A30EF13FD6A664C0DCE3731F7FB49A4845A4FD8254687972A2D382599C9BAC4E0ED7998193078913032558134976410B89D2C171D1
                  23AC35FD977219597AA7D15C1A9A428E59194F75C721EBCBCFAE44696A499AFA74E04299F132026601638CB87AB79190D4A0986315DA8EEC6561C938996BEADF"""))),
    ("ECDSA P-192 example key", "RFC 6979 Appendix A.2.3", ecc, (
        "P-192", hexint("6FAB034934E4C0FC9AE67F5B5659A9D7D1FEFD187EE09FD4"),
        hexint("AC2C77F529F91689FEA0EA5EFEC7F210D8EEA0B9E047ED56"), hexint("3BC723E57670BD4887EBC732C523063D0A7C957BC97C1C43"))),
    ("ECDSA P-224 example key", "RFC 6979 Appendix A.2.4", ecc, (
        "P-224", hexint("F220266E1105BFE3083E03EC7A3A654651F45E37167E88600BF257C1"),
        hexint("00CF08DA5AD719E42707FA431292DEA11244D64FC51610D94B130D6C"), hexint("EEAB6F3DEBE455E3DBF85416F7030CBD94F34F2D6F232C69F3C1385A"))),
    ("ECDSA P-256 example key", "RFC 6979 Appendix A.2.5", ecc, (
        "P-256", hexint("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721"),
        hexint("60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6"),
        hexint("7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299"))),
    ("ECDSA P-384 example key", "RFC 6979 Appendix A.2.6", ecc, (
        "P-384", hexint("6B9D3DAD2E1B8C1C05B19875B6659F4DE23C3B667BF297BA9AA47740787137D896D5724E4C70A825F872C9EA60D2EDF5"),
        hexint("EC3A4E415B4E19A4568618029F427FA5DA9A8BC4AE92E02E06AAE5286B300C64DEF8F0EA9055866064A254515480BC13"),
        hexint("8015D9B72D7D57244EA8EF9AC0C621896708A59367F9DFB9F54CA84B3F1C9DB1288B231C3AE0D4FE7344FD2533264720"))),
    ("ECDSA P-521 example key", "RFC 6979 Appendix A.2.7", ecc, (
        "P-521", hexint("""0FAD06DAA62BA3B25D2FB40133DA757205DE67F5BB0018FEE8C86E1B68C7E75CAA896EB32F1F47C70855836A6D16FCC1466F6D8FBEC67DB89EC0C08B0E996B83538"""),
        hexint("""1894550D0785932E00EAA23B694F213F8C3121F86DC97A04E5A7167DB4E5BCD371123D46E45DB6B5D5370A7F20FB633155D38FFA16D2BD761DCAC474B9A2F5023A4"""),
        hexint("""0493101C962CD4D2FDDF782285E64584139C2F91B47F87FF82354D6630F746A28A0DB25741B5B34A828008B22ACC23F924FAAFBD4D33F81EA66956DFEAA2BFDFCF5"""))),
    # RFC 6979 A.2.8-A.2.17: the binary-curve keys, built by OpenSSL (python3-cryptography dropped these curves).
    ("ECDSA K-163 example key", "RFC 6979 Appendix A.2.8", ecc_binary, (
        "sect163k1", hexint("09A4D6792295A7F730FC3F2B49CBC0F62E862272F"),
        hexint("79AEE090DB05EC252D5CB4452F356BE198A4FF96F"),
        hexint("782E29634DDC9A31EF40386E896BAA18B53AFA5A3"))),
    ("ECDSA K-233 example key", "RFC 6979 Appendix A.2.9", ecc_binary, (
        "sect233k1", hexint("103B2142BDC2A3C3B55080D09DF1808F79336DA2399F5CA7171D1BE9B0"),
        hexint("0682886F36C68473C1A221720C2B12B9BE13458BA907E1C4736595779F2"),
        hexint("1B20639B41BE0927090999B7817A3B3928D20503A39546044EC13A10309"))),
    ("ECDSA K-283 example key", "RFC 6979 Appendix A.2.10", ecc_binary, (
        "sect283k1", hexint("06A0777356E87B89BA1ED3A3D845357BE332173C8F7A65BDC7DB4FAB3C4CC79ACC8194E"),
        hexint("25330D0A651D5A20DC6389BC02345117725640AEC3C126612CE444EDD19649BDECC03D6"),
        hexint("505BD60A4B67182474EC4D1C668A73140F70504A68F39EFCD972487E9530E0508A76193"))),
    ("ECDSA K-409 example key", "RFC 6979 Appendix A.2.11", ecc_binary, (
        "sect409k1", hexint("29C16768F01D1B8A89FDA85E2EFD73A09558B92A178A2931F359E4D70AD853E569CDAF16DAA569758FB4E73089E4525D8BBFCF"),
        hexint("0CF923F523FE34A6E863D8BA45FB1FE6D784C8F219C414EEF4DB8362DBBD3CA71AEB28F568668D5D7A0093E2B84F6FAD759DB42"),
        hexint("13B1C374D5132978A1B1123EBBE9A5C54D1A9D56B09AFDB4ADE93CCD7C4D332E2916F7D4B9D18578EE3C2E2DE4D2ECE0DE63549"))),
    ("ECDSA K-571 example key", "RFC 6979 Appendix A.2.12", ecc_binary, (
        "sect571k1", hexint("0C16F58550D824ED7B95569D4445375D3A490BC7E0194C41A39DEB732C29396CDF1D66DE02DD1460A816606F3BEC0F32202C7BD18A32D87506466AA92032F1314ED7B19762B0D22"),
        hexint("6CFB0DF7541CDD4C41EF319EA88E849EFC8605D97779148082EC991C463ED32319596F9FDF4779C17CAF20EFD9BEB57E9F4ED55BFC52A2FA15CA23BC62B7BF019DB59793DD77318"),
        hexint("1CFC91102F7759A561BD8D5B51AAAEEC7F40E659D67870361990D6DE29F6B4F7E18AE13BDE5EA5C1F77B23D676F44050C9DBFCCDD7B3756328DDA059779AAE8446FC5158A75C227"))),
    ("ECDSA B-163 example key", "RFC 6979 Appendix A.2.13", ecc_binary, (
        "sect163r2", hexint("35318FC447D48D7E6BC93B48617DDDEDF26AA658F"),
        hexint("126CF562D95A1D77D387BA75A3EA3A1407F23425A"),
        hexint("7D7CB5273C94DA8CA93049AFDA18721C24672BD71"))),
    ("ECDSA B-233 example key", "RFC 6979 Appendix A.2.14", ecc_binary, (
        "sect233r1", hexint("07ADC13DD5BF34D1DDEEB50B2CE23B5F5E6D18067306D60C5F6FF11E5D3"),
        hexint("0FB348B3246B473AA7FBB2A01B78D61B62C4221D0F9AB55FC72DB3DF478"),
        hexint("1162FA1F6C6ACF7FD8D19FC7D74BDD9104076E833898BC4C042A6E6BEBF"))),
    ("ECDSA B-283 example key", "RFC 6979 Appendix A.2.15", ecc_binary, (
        "sect283r1", hexint("14510D4BC44F2D26F4553942C98073C1BD35545CEABB5CC138853C5158D2729EA408836"),
        hexint("17E3409A13C399F0CA8A192F028D46E3446BCFFCDF51FF8A905ED2DED786E74F9C3E8A9"),
        hexint("47EFCBCC31C01D86D1992F7BFAC0277DBD02A6D289274099A2C0F039C8F59F318371B0E"))),
    ("ECDSA B-409 example key", "RFC 6979 Appendix A.2.16", ecc_binary, (
        "sect409r1", hexint("0494994CC325B08E7B4CE038BD9436F90B5E59A2C13C3140CD3AE07C04A01FC489F572CE0569A6DB7B8060393DE76330C624177"),
        hexint("1A7055961CF1DA4B9A015B18B1524EF01FDD9B93FAEFC26FB1F2F828A7227B7031925DA0AC1A8A075C3B33554B222EA859C17E7"),
        hexint("18105C042F290736088F30AEC7AE7732A45DE47BCE0940113AB8132516D1E059B0F581FD581A9A3CB3A0AC42A1962738ADB86E6"))),
    ("ECDSA B-571 example key", "RFC 6979 Appendix A.2.17", ecc_binary, (
        "sect571r1", hexint("028A04857F24C1C082DF0D909C0E72F453F2E2340CCB071F0E389BCA2575DA19124198C57174929AD26E348CF63F78D28021EF5A9BF2D5CBEAF6B7CCB6C4DA824DD5C82CFB24E11"),
        hexint("4B4B3CE9377550140B62C1061763AA524814DDCEF37B00CD5CDE94F7792BB0E96758E55DA2E9FEA8FF2A8B6830AE1D57A9CA7A77FCB0836BF43EA5454CDD9FEAD5CCFE7375C6A83"),
        hexint("4453B18F261E7A0E7570CD72F235EA750438E43946FBEBD2518B696954767AA7849C1719E18E1C51652C28CA853426F15C09AA4B579487338ABC7F33768FADD61B5A3A6443A8189"))),
    # RFC 8448 §2: the server's RSA key of every TLS 1.3 example trace (its certificate is in §3's Certificate message).
    # The ephemeral X25519 keys of the traces are not listed: nothing deploys them as a certificate key.
    ("TLS 1.3 example server RSA 1024 key", "RFC 8448 §2", rsa_key, (
        hexint("""b4 bb 49 8f 82 79 30 3d 98 08 36 39 9b 36 c6 98 8c 0c 68 de 55 e1 bd b8 26 d3 90 1a 24 61 ea fd 2d e4 9a 91 d0 15 ab
                  bc 9a 95 13 7a ce 6c 1a f1 9e aa 6a f9 8c 7c ed 43 12 09 98 e1 87 a8 0e e0 cc b0 52 4b 1b 01 8c 3e 0b 63 26 4d 44 9a 6d
                  38 e2 2a 5f da 43 08 46 74 80 30 53 0e f0 46 1c 8c a9 d9 ef bf ae 8e a6 d1 d0 3e 2b d1 93 ef f0 ab 9a 80 02 c4 74 28 a6
                  d3 5a 8d 88 d7 9f 7f 1e 3f"""),
        65537,
        hexint("""e4 35 fb 7c c8 37 37 75 6d ac ea 96 ab 7f 59 a2 cc 10 69 db 7d eb 19 0e 17 e3 3a 53 2b 27 3f 30 a3 27 aa 0a aa bc 58 cd
                  67 46 6a f9 84 5f ad c6 75 fe 09 4a f9 2c 4b d1 f2 c1 bc 33 dd 2e 05 15"""),
        hexint("""ca bd 3b c0 e0 43 86 64 c8 d4 cc 9f 99 97 7a 94 d9 bb fe ad 8e 43 87 0a ba e3 f7 eb 8b 4e 0e ee 8a f1 d9 b4 71 9b a6 19
                  6c f2 cb ba ee eb f8 b3 49 0a fe 9e 9f fa 74 a8 8a a5 1f c6 45 62 93 03"""))),
    # RFC 4754 §8.1-§8.3: the IKE ECDSA examples' private keys w and public keys (gwx, gwy).
    ("IKE ECDSA-256 example key", "RFC 4754 §8.1", ecc, (
        "P-256", hexint("DC51D3866A15BACDE33D96F992FCA99DA7E6EF0934E7097559C27F1614C88A7F"),
        hexint("2442A5CC0ECD015FA3CA31DC8E2BBC70BF42D60CBCA20085E0822CB04235E970"),
        hexint("6FC98BD7E50211A4A27102FA3549DF79EBCB4BF246B80945CDDFE7D509BBFD7D"))),
    ("IKE ECDSA-384 example key", "RFC 4754 §8.2", ecc, (
        "P-384", hexint("0BEB646634BA87735D77AE4809A0EBEA865535DE4C1E1DCB692E84708E81A5AF62E528C38B2A81B35309668D73524D9F"),
        hexint("96281BF8DD5E0525CA049C048D345D3082968D10FEDF5C5ACA0C64E6465A97EA5CE10C9DFEC21797415710721F437922"),
        hexint("447688BA94708EB6E2E4D59F6AB6D7EDFF9301D249FE49C33096655F5D502FAD3D383B91C5E7EDAA2B714CC99D5743CA"))),
    ("IKE ECDSA-521 example key", "RFC 4754 §8.3", ecc, (
        "P-521", hexint("0065FDA3409451DCAB0A0EAD45495112A3D813C17BFD34BDF8C1209D7DF5849120597779060A7FF9D704ADF78B570FFAD6F062E95C7E0C5D5481C5B153B48B375FA1"),
        hexint("0151518F1AF0F563517EDD5485190DF95A4BF57B5CBA4CF2A9A3F6474725A35F7AFE0A6DDEB8BEDBCD6A197E592D40188901CECD650699C9B5E456AEA5ADD19052A8"),
        hexint("006F3B142EA1BFFF7E2837AD44C9E4FF6D2D34C73184BBAD90026DD5E6E85317D9DF45CAD7803C6C20035B2F3FF63AFF4E1BA64D1C077577DA3F4286C58F0AEAE643"))),
    # RFC 5903 §8.1-§8.3: the IKE ECDH examples' initiator (i, gix, giy) and responder (r, grx, gry) keys. An
    # id-ecPublicKey SPKI on the curve is the same SPKI a certificate for the key would carry.
    ("IKE ECDH P-256 initiator key", "RFC 5903 §8.1", ecc, (
        "P-256", hexint("C88F01F510D9AC3F70A292DAA2316DE544E9AAB8AFE84049C62A9C57862D1433"),
        hexint("DAD0B65394221CF9B051E1FECA5787D098DFE637FC90B9EF945D0C3772581180"),
        hexint("5271A0461CDB8252D61F1C456FA3E59AB1F45B33ACCF5F58389E0577B8990BB3"))),
    ("IKE ECDH P-256 responder key", "RFC 5903 §8.1", ecc, (
        "P-256", hexint("C6EF9C5D78AE012A011164ACB397CE2088685D8F06BF9BE0B283AB46476BEE53"),
        hexint("D12DFB5289C8D4F81208B70270398C342296970A0BCCB74C736FC7554494BF63"),
        hexint("56FBF3CA366CC23E8157854C13C58D6AAC23F046ADA30F8353E74F33039872AB"))),
    ("IKE ECDH P-384 initiator key", "RFC 5903 §8.2", ecc, (
        "P-384", hexint("099F3C7034D4A2C699884D73A375A67F7624EF7C6B3C0F160647B67414DCE655E35B538041E649EE3FAEF896783AB194"),
        hexint("667842D7D180AC2CDE6F74F37551F55755C7645C20EF73E31634FE72B4C55EE6DE3AC808ACB4BDB4C88732AEE95F41AA"),
        hexint("9482ED1FC0EEB9CAFC4984625CCFC23F65032149E0E144ADA024181535A0F38EEB9FCFF3C2C947DAE69B4C634573A81C"))),
    ("IKE ECDH P-384 responder key", "RFC 5903 §8.2", ecc, (
        "P-384", hexint("41CB0779B4BDB85D47846725FBEC3C9430FAB46CC8DC5060855CC9BDA0AA2942E0308312916B8ED2960E4BD55A7448FC"),
        hexint("E558DBEF53EECDE3D3FCCFC1AEA08A89A987475D12FD950D83CFA41732BC509D0D1AC43A0336DEF96FDA41D0774A3571"),
        hexint("DCFBEC7AACF3196472169E838430367F66EEBE3C6E70C416DD5F0C68759DD1FFF83FA40142209DFF5EAAD96DB9E6386C"))),
    ("IKE ECDH P-521 initiator key", "RFC 5903 §8.3", ecc, (
        "P-521", hexint("0037ADE9319A89F4DABDB3EF411AACCCA5123C61ACAB57B5393DCE47608172A095AA85A30FE1C2952C6771D937BA9777F5957B2639BAB072462F68C27A57382D4A52"),
        hexint("0015417E84DBF28C0AD3C278713349DC7DF153C897A1891BD98BAB4357C9ECBEE1E3BF42E00B8E380AEAE57C2D107564941885942AF5A7F4601723C4195D176CED3E"),
        hexint("017CAE20B6641D2EEB695786D8C946146239D099E18E1D5A514C739D7CB4A10AD8A788015AC405D7799DC75E7B7D5B6CF2261A6A7F1507438BF01BEB6CA3926F9582"))),
    ("IKE ECDH P-521 responder key", "RFC 5903 §8.3", ecc, (
        "P-521", hexint("0145BA99A847AF43793FDD0E872E7CDFA16BE30FDC780F97BCCC3F078380201E9C677D600B343757A3BDBF2A3163E4C2F869CCA7458AA4A4EFFC311F5CB151685EB9"),
        hexint("00D0B3975AC4B799F5BEA16D5E13E9AF971D5E9B984C9F39728B5E5739735A219B97C356436ADC6E95BB0352F6BE64A6C2912D4EF2D0433CED2B6171640012D9460F"),
        hexint("015C68226383956E3BD066E797B623C27CE0EAC2F551A10C2C724D9852077B87220B6536C5C408A1D2AEBB8E86D678AE49CB57091F4732296579AB44FCD17F0FC56A"))),
]


def spki(key):
    if isinstance(key, OpensslEcKey):
        return key.spki
    return key.public_key().public_bytes(Enc.DER, Pub.SubjectPublicKeyInfo)


def private_pem(key):
    if isinstance(key, OpensslEcKey):
        return key.pem
    return key.private_bytes(Enc.PEM, Priv.PKCS8, serialization.NoEncryption())


def slug(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cs", action="store_true", help="print C# lines for KnownKeys.cs")
    ap.add_argument("--md", action="store_true", help="print table rows for rules/key-known-compromised.md")
    ap.add_argument("--pem", metavar="DIR", help="write each private key as DIR/<slug>.key")
    args = ap.parse_args()
    seen = {}
    for name, source, build, build_args in KEYS:
        key, printed, derived = build(*build_args)
        if printed != derived:
            sys.exit(f"{name} ({source}): the public value derived from the private key is not the one the RFC prints")
        digest = hashlib.sha256(spki(key)).hexdigest()
        if digest in seen:
            sys.exit(f"{name} ({source}) has the same SubjectPublicKeyInfo as {seen[digest]}")
        seen[digest] = name
        if args.cs:
            print(f'        new("{digest}", "{name}", "{source}"),')
        elif args.md:
            print(f"| {name} | {source} | `{digest}` |")
        else:
            print(f"{name} | {source} | {digest}")
        if args.pem:
            os.makedirs(args.pem, exist_ok=True)
            with open(os.path.join(args.pem, slug(name) + ".key"), "wb") as f:
                f.write(private_pem(key))


if __name__ == "__main__":
    main()
