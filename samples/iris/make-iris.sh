#!/usr/bin/env bash
# Regenerates the certificates and keys of the IRIS mutual-TLS sample (see ../README.md). Needs openssl 3.
# Dates are fixed (2025-01-01 to 2099-12-31), so the committed files lint the same whenever they are linted.
# The CA private key lives in a temporary folder and is thrown away. The defect is on purpose: the application's
# client certificate was issued with the server profile (extendedKeyUsage serverAuth only).
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf certs && mkdir certs
serial_start=3000
# shellcheck source=../../scripts/lib/openssl-ca.sh
. ../../scripts/lib/openssl-ca.sh
CA_EXT='basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid'
LEAF='basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid'
key "$work/ca.key"
sign certs/ca.cer "$work/ca.key" "/O=CertLint Samples/CN=CertLint Sample IRIS CA" "$CA_EXT" self "$work/ca.key"
key certs/server.key
sign certs/server.cer certs/server.key "/O=CertLint Samples/CN=iris.example.test" "$LEAF\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:iris.example.test" certs/ca.cer "$work/ca.key"
key certs/app-client.key
sign certs/app-client.cer certs/app-client.key "/O=CertLint Samples/CN=orders-app" "$LEAF\nextendedKeyUsage=serverAuth" certs/ca.cer "$work/ca.key"
chmod 600 certs/*.key
