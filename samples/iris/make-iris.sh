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
touch "$work/index.txt"; echo 3000 > "$work/serial"
cat > "$work/ca.cnf" <<CNF
[ ca ]
default_ca = iris
[ iris ]
database = $work/index.txt
new_certs_dir = $work
serial = $work/serial
default_md = sha256
policy = anything
unique_subject = no
email_in_dn = no
copy_extensions = none
[ anything ]
commonName = optional
organizationName = optional
CNF
key() { openssl genpkey -quiet -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1"; }
sign() { # OUT KEY SUBJECT EXTENSIONS ISSUER_CERT|self ISSUER_KEY
  printf '[ ext ]\n%b\n' "$4" > "$work/ext.cnf"
  openssl req -new -key "$2" -subj "$3" -out "$work/req.csr" 2>/dev/null
  local issuer=(-cert "$5" -keyfile "$6"); [ "$5" = self ] && issuer=(-selfsign -keyfile "$6")
  openssl ca -batch -notext -preserveDN -config "$work/ca.cnf" -in "$work/req.csr" -out "$1" "${issuer[@]}" \
    -extfile "$work/ext.cnf" -extensions ext -startdate 20250101000000Z -enddate 20991231235959Z 2>/dev/null
}
CA_EXT='basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid'
LEAF='basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid'
key "$work/ca.key"
sign certs/ca.cer "$work/ca.key" "/O=CertLint Samples/CN=CertLint Sample IRIS CA" "$CA_EXT" self "$work/ca.key"
key certs/server.key
sign certs/server.cer certs/server.key "/O=CertLint Samples/CN=iris.example.test" "$LEAF\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:iris.example.test" certs/ca.cer "$work/ca.key"
key certs/app-client.key
sign certs/app-client.cer certs/app-client.key "/O=CertLint Samples/CN=orders-app" "$LEAF\nextendedKeyUsage=serverAuth" certs/ca.cer "$work/ca.key"
chmod 600 certs/*.key
