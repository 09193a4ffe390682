# Sourced by the scripts that make committed test PKIs (samples/make-samples.sh, samples/iris/make-iris.sh,
# tests/fixtures/configs/make-pki.sh): one `openssl ca` set-up, because openssl 3.0's `openssl ca` is the command that
# accepts fixed start and end dates, so committed files lint the same whenever they are linted.
# Before sourcing: `work` (a temporary folder; CA keys live there and are thrown away) and `serial_start`.
# Defines key() and sign(); START/END default to 2025-01-01 .. 2099-12-31.
START=${START:-20250101000000Z}
END=${END:-20991231235959Z}
touch "$work/index.txt"
echo "$serial_start" > "$work/serial"
cat > "$work/ca.cnf" <<CNF
[ ca ]
default_ca = sample
[ sample ]
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

key() { # key FILE [rsa BITS | ec CURVE | ed25519]; EC P-256 by default
  case "${2:-ec}" in
    rsa) openssl genpkey -quiet -algorithm RSA -pkeyopt "rsa_keygen_bits:$3" -out "$1" ;;
    ec) openssl genpkey -quiet -algorithm EC -pkeyopt "ec_paramgen_curve:${3:-P-256}" -out "$1" ;;
    ed25519) openssl genpkey -quiet -algorithm ED25519 -out "$1" ;;
  esac
}

# sign OUT KEY SUBJECT EXTENSIONS ISSUER_CERT|self ISSUER_KEY [START END MD]
sign() {
  local out=$1 k=$2 subj=$3 ext=$4 icert=$5 ikey=$6 start=${7:-$START} end=${8:-$END} md=${9:-sha256}
  printf '[ ext ]\n%b\n' "$ext" > "$work/ext.cnf"
  openssl req -new -key "$k" -subj "$subj" -out "$work/req.csr" 2>/dev/null
  local issuer=(-cert "$icert" -keyfile "$ikey")
  [ "$icert" = self ] && issuer=(-selfsign -keyfile "$ikey")
  openssl ca -batch -notext -preserveDN -config "$work/ca.cnf" -in "$work/req.csr" -out "$out" \
    "${issuer[@]}" -extfile "$work/ext.cnf" -extensions ext -startdate "$start" -enddate "$end" -md "$md" 2>/dev/null
}
