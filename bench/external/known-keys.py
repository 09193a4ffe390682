#!/usr/bin/env python3
"""Rebuild the table of src/CertLint.Core/Rules/Primitives/Keys/KnownKeys.cs from the numbers printed in the RFCs.

Every entry below is a private key copied from an RFC (section named beside it). For each one the script builds the
key with python3-cryptography, derives its public half, checks it against the public value the RFC prints next to the
private key (an EdDSA/X25519/X448 public key, EC coordinates, or an RSA modulus that must equal p*q), and prints the
SHA-256 of the DER SubjectPublicKeyInfo: the number KnownKeys.cs looks up. It stops at the first mismatch.

    python3 bench/external/known-keys.py             # name | source | SPKI SHA-256, one line per key
    python3 bench/external/known-keys.py --cs        # the same as C# dictionary lines for KnownKeys.cs
    python3 bench/external/known-keys.py --pem DIR   # also write each private key as DIR/<slug>.key (PKCS#8 PEM)

Needs python3-cryptography (any version with X448/Ed448). The test suite does not run this script.
"""
import argparse
import base64
import hashlib
import os
import re
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


def rsa_key(n, e, p, q):
    d = pow(e, -1, (p - 1) * (q - 1) // _gcd(p - 1, q - 1))
    key = rsa.RSAPrivateNumbers(p, q, d, d % (p - 1), d % (q - 1), pow(q, -1, p), rsa.RSAPublicNumbers(e, p * q)).private_key()
    return key, n, key.public_key().public_numbers().n


def dsa_key(p, q, g, x, y):
    params = dsa.DSAParameterNumbers(p, q, g)
    key = dsa.DSAPrivateNumbers(x, dsa.DSAPublicNumbers(pow(g, x, p), params)).private_key()
    return key, y, key.public_key().public_numbers().y


def _gcd(a, b):
    while b:
        a, b = b, a % b
    return a


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
    # RFC 8032 §7.1: Ed25519 test vectors (SECRET KEY, PUBLIC KEY).
    ("Ed25519 TEST 1 key", "RFC 8032 §7.1", okp, (
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
]


def spki(key):
    return key.public_key().public_bytes(Enc.DER, Pub.SubjectPublicKeyInfo)


def slug(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cs", action="store_true", help="print C# dictionary lines")
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
        else:
            print(f"{name} | {source} | {digest}")
        if args.pem:
            os.makedirs(args.pem, exist_ok=True)
            with open(os.path.join(args.pem, slug(name) + ".key"), "wb") as f:
                f.write(key.private_bytes(Enc.PEM, Priv.PKCS8, serialization.NoEncryption()))


if __name__ == "__main__":
    main()
