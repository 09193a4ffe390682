#!/usr/bin/env bash
# Regenerates the sample certificates and keys in this folder (see README.md for what each one demonstrates).
# Needs openssl 3. Dates are fixed (valid ones run 2025-01-01 to 2099-12-31), so the committed files do not expire
# and lint the same whenever they are linted. CA private keys live in a temporary folder and are thrown away.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

rm -rf ca server mtls permissions keystores broken
mkdir -p ca server mtls permissions keystores broken
serial_start=1000
# shellcheck source=../scripts/lib/openssl-ca.sh
. ../scripts/lib/openssl-ca.sh

CA_EXT='basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid'
SERVER_EXT='basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid'
CLIENT_EXT='basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid'

# --- Public-style PKI: root (anchor) -> intermediate -> server leaves ---
key "$work/root.key" ec P-384
sign ca/root-ca.crt "$work/root.key" "/O=CertLint Samples/CN=CertLint Sample Root CA" "$CA_EXT" self "$work/root.key"
key "$work/int.key" ec P-256
sign ca/intermediate-ca.crt "$work/int.key" "/O=CertLint Samples/CN=CertLint Sample Intermediate CA" \
  "$CA_EXT\nbasicConstraints=critical,CA:TRUE,pathlen:0" ca/root-ca.crt "$work/root.key"
INT=(ca/intermediate-ca.crt "$work/int.key")


# Clean: server leaf, its key and a fullchain (leaf + intermediate; the root is an anchor).
key server/www.key ec P-256
sign server/www.crt server/www.key "/CN=www.example.test" "$SERVER_EXT\nsubjectAltName=DNS:www.example.test,DNS:example.test" "${INT[@]}"
cat server/www.crt ca/intermediate-ca.crt > server/www.fullchain.pem

# Clean: Ed25519 server certificate.
key server/ed25519.key ed25519
sign server/ed25519.crt server/ed25519.key "/CN=ed.example.test" "$SERVER_EXT\nkeyUsage=critical,digitalSignature\nsubjectAltName=DNS:ed.example.test" "${INT[@]}"

# cert-expired: valid in 2000 only.
key "$work/k1" ec P-256
sign server/expired.crt "$work/k1" "/CN=old.example.test" "$SERVER_EXT\nsubjectAltName=DNS:old.example.test" "${INT[@]}" 20000101000000Z 20010101000000Z

# cert-not-yet-valid: starts in 2098.
sign server/not-yet-valid.crt "$work/k1" "/CN=future.example.test" "$SERVER_EXT\nsubjectAltName=DNS:future.example.test" "${INT[@]}" 20980101000000Z "$END"

# validity-too-long: 2025 to 2199 (longer than the samples' raised limit, see .certlint.yml).
sign server/long-lived.crt "$work/k1" "/CN=forever.example.test" "$SERVER_EXT\nsubjectAltName=DNS:forever.example.test" "${INT[@]}" "$START" 21991231235959Z

# chain-incomplete: a fullchain with the leaf and the root but not the intermediate.
key "$work/k2" ec P-256
sign "$work/api.crt" "$work/k2" "/CN=api.example.test" "$SERVER_EXT\nsubjectAltName=DNS:api.example.test" "${INT[@]}"
cat "$work/api.crt" ca/root-ca.crt > server/missing-intermediate.fullchain.pem

# chain-order: intermediate first, then the leaf.
sign "$work/shop.crt" "$work/k2" "/CN=shop.example.test" "$SERVER_EXT\nsubjectAltName=DNS:shop.example.test" "${INT[@]}"
cat ca/intermediate-ca.crt "$work/shop.crt" > server/out-of-order.fullchain.pem

# key-mismatch: mismatch.crt was issued for another key than mismatch.key.
key server/mismatch.key ec P-256
sign server/mismatch.crt "$work/k2" "/CN=mismatch.example.test" "$SERVER_EXT\nsubjectAltName=DNS:mismatch.example.test" "${INT[@]}"

# weak-key: RSA 1024.
key "$work/weak.key" rsa 1024
sign server/weak-rsa1024.crt "$work/weak.key" "/CN=weak.example.test" "$SERVER_EXT\nsubjectAltName=DNS:weak.example.test" "${INT[@]}"

# weak-signature: signed with SHA-1 by the intermediate.
sign server/sha1-signed.crt "$work/k2" "/CN=sha1.example.test" "$SERVER_EXT\nsubjectAltName=DNS:sha1.example.test" "${INT[@]}" "$START" "$END" sha1

# san-missing: server leaf without subjectAltName.
sign server/no-san.crt "$work/k2" "/CN=nosan.example.test" "$SERVER_EXT" "${INT[@]}"

# cn-not-in-san: CN names another host than the SAN.
sign server/cn-not-in-san.crt "$work/k2" "/CN=cn.example.test" "$SERVER_EXT\nsubjectAltName=DNS:other.example.test" "${INT[@]}"

# hostname-mismatch: *.example.test covers shop.example.test but not example.test (hosts set in .certlint.yml).
sign server/wildcard.crt "$work/k2" "/CN=*.example.test" "$SERVER_EXT\nsubjectAltName=DNS:*.example.test" "${INT[@]}"

# Clean despite SHA-1: a self-signed root's own signature is not relied upon (weak-signature exempts it).
key "$work/legacy.key" rsa 2048
sign ca/legacy-sha1-root.crt "$work/legacy.key" "/O=CertLint Samples/CN=CertLint Legacy SHA-1 Root" "$CA_EXT" self "$work/legacy.key" "$START" "$END" sha1

# self-signed-leaf.
key "$work/k3" ec P-256
sign server/self-signed.crt "$work/k3" "/CN=selfsigned.example.test" "$SERVER_EXT\nsubjectAltName=DNS:selfsigned.example.test" self "$work/k3"

# --- mTLS: a private client CA (anchor) and client certificates ---
key "$work/mtls.key" ec P-256
sign mtls/ca.crt "$work/mtls.key" "/O=CertLint Samples/CN=CertLint Sample mTLS CA" "$CA_EXT" self "$work/mtls.key"
MTLS=(mtls/ca.crt "$work/mtls.key")

# Clean client certificate and key.
key mtls/client.key ec P-256
sign mtls/client.crt mtls/client.key "/O=CertLint Samples/CN=alice" "$CLIENT_EXT\nsubjectAltName=email:alice@example.test" "${MTLS[@]}"

# eku-client-auth: a client certificate whose EKU only allows serverAuth.
sign mtls/client-no-clientauth.crt "$work/k2" "/O=CertLint Samples/CN=bob" "$SERVER_EXT\nsubjectAltName=email:bob@example.test" "${MTLS[@]}"

# eku-missing: a client certificate without EKU.
sign mtls/client-no-eku.crt "$work/k2" "/O=CertLint Samples/CN=carol" \
  'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nsubjectAltName=email:carol@example.test' "${MTLS[@]}"

# eku-client-auth through the issuer: an intermediate restricted to serverAuth issues a clientAuth certificate.
key "$work/restricted.key" ec P-256
sign mtls/restricted-ca.crt "$work/restricted.key" "/O=CertLint Samples/CN=CertLint Sample Restricted CA" \
  "$CA_EXT\nextendedKeyUsage=serverAuth" "${MTLS[@]}"
sign mtls/client-restricted-issuer.crt "$work/k2" "/O=CertLint Samples/CN=dave" \
  "$CLIENT_EXT\nsubjectAltName=email:dave@example.test" mtls/restricted-ca.crt "$work/restricted.key"

# --- key-file-permissions: git does not keep this mode; make-samples.sh and the tests set it ---
key permissions/world-readable.key ec P-256

# --- keystores: password-required unless CERTLINT_PASSWORD=changeit ---
openssl pkey -in server/www.key -out keystores/encrypted.key -aes256 -passout pass:changeit
openssl pkcs12 -export -in server/www.crt -inkey server/www.key -certfile ca/intermediate-ca.crt \
  -name www -out keystores/www.p12 -passout pass:changeit

# --- parse-error ---
head -c 300 server/www.crt > broken/truncated.crt
printf -- '-----BEGIN CERTIFICATE-----\nThis is not base64 at all!\n-----END CERTIFICATE-----\n' > broken/garbage.pem

chmod 600 server/*.key mtls/*.key keystores/*
chmod 644 permissions/world-readable.key
echo "samples regenerated in $(pwd)"
