#!/usr/bin/env bash
# Coverage-guided fuzzing of CertLint's input parsers with AFL++ and SharpFuzz (docs/security.md#fuzzing).
#
#   fuzz/run.sh HARNESS SECONDS      run one campaign (sniff-pem, der, pkcs, yaml, config, baseline, ocsp) for SECONDS
#   fuzz/run.sh all SECONDS          each harness in turn, SECONDS each
#   fuzz/run.sh list                 the harness names, one a line (.ci/run's smoke loop reads them)
#
# Needs afl-fuzz (Debian: afl++) and the sharpfuzz tool (dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0).
# Each crash or hang found is copied to tests/fuzz-regressions/HARNESS/, where the test suite replays it: the
# campaign's findings become failing tests until the bug is fixed. Work files go to fuzz/work/ (git-ignored).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
harnesses=(sniff-pem der pkcs yaml config baseline ocsp)
harness="${1:?usage: fuzz/run.sh HARNESS|all SECONDS}"
if [ "$harness" = list ]; then printf '%s\n' "${harnesses[@]}"; exit 0; fi
seconds="${2:?usage: fuzz/run.sh HARNESS|all SECONDS}"
work="$here/work"
out="$work/bin"
export PATH="$PATH:$HOME/.dotnet/tools" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ "$harness" = all ]; then
  rc=0
  for h in "${harnesses[@]}"; do "$0" "$h" "$seconds" || rc=1; done
  exit $rc
fi

command -v afl-fuzz >/dev/null || { echo "fuzz $harness: afl-fuzz not found (apt-get install afl++)"; exit 1; }
command -v sharpfuzz >/dev/null || { echo "fuzz $harness: sharpfuzz not found (dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0)"; exit 1; }

# Build once per run of this script (a fresh publish, then instrument the engine: only CertLint.Core is traced).
if [ ! -f "$out/.instrumented" ] || [ "$out/.instrumented" -ot "$root/src/CertLint.Core/CertLint.Core.csproj" ] || [ -n "$(find "$root/src/CertLint.Core" "$root/src/CertLint.Tls" "$here/CertLint.Fuzz" -name '*.cs' -newer "$out/.instrumented" 2>/dev/null | head -1)" ]; then
  rm -rf "$out"; mkdir -p "$work"
  if ! dotnet publish "$here/CertLint.Fuzz" -c Release -o "$out" -v q -nologo >"$work/publish.log" 2>&1; then
    tail -20 "$work/publish.log"; echo "fuzz $harness: build failed"; exit 1
  fi
  sharpfuzz "$out/CertLint.Core.dll" >/dev/null || { echo "fuzz $harness: instrumentation failed"; exit 1; }
  touch "$out/.instrumented"
fi

# Seed corpus: the test fixtures and samples that suit the harness (small files only: AFL works best under 10 KB).
seeds="$work/seeds-$harness"
rm -rf "$seeds"; mkdir -p "$seeds"
case "$harness" in
  sniff-pem) pattern='*.pem *.crt *.key *.txt *.csr *.der *.ppk *.jwk *.jwks *.jceks *.jks *.p12' ;;
  der) pattern='*.der *.crl *.cer *.key' ;;
  pkcs) pattern='*.p7b *.p12 *.pfx *.bks *.jks *.jceks' ;;
  yaml) pattern='*.yml *.yaml' ;;
  baseline) pattern='*.sarif' ;;
  ocsp) pattern='' ;;   # a peer's records (OcspTarget): the harness makes its seeds (OcspSeeds)
  config) pattern='*.conf *.cfg *.vhost *.cpf *.merge *.ini *.xml *.json *.properties *.yml *.yaml *.crtlist *.cnf *.ovpn *.toml Caddyfile *.caddyfile *.hcl' ;;
  *) echo "fuzz: unknown harness $harness"; exit 2 ;;
esac
if [ "$harness" = config ]; then
  # Configurations sit deeper (tests/fixtures/configs/FORMAT/CASE/...) and share names (nginx.conf): keep each one.
  for p in $pattern; do
    find "$root/tests/fixtures/configs" "$root/samples" -name "$p" -size -10k -type f -print0 2>/dev/null |
      while IFS= read -r -d '' f; do cp "$f" "$seeds/$(sha256sum "$f" | cut -c1-12)-$(basename "$f")"; done
  done
else
  for p in $pattern; do
    find "$root/tests/fixtures" "$root/samples" "$root/rules" -maxdepth 2 -name "$p" -size -10k -type f -exec cp -t "$seeds" {} + 2>/dev/null
  done
fi
if [ "$harness" = baseline ]; then
  # No fixture is a SARIF file: the approved reports (CertLint's own output) are, the small one under 20 KB.
  find "$root/tests" -name '*.approved.sarif' -size -20k -type f -exec cp -t "$seeds" {} +
fi
if [ "$harness" = sniff-pem ]; then
  # OpenSSH keys carry ssh-keygen's names (no extension); the CRL rules' fixtures hold CRLs with extensions and entries.
  find "$root/tests/fixtures/openssh" -type f ! -name '*.md' -size -10k -exec cp -t "$seeds" {} +
  grep -rl --include='*.pem' 'BEGIN X509 CRL' "$root/tests/fixtures/rules" | head -40 |
    while IFS= read -r f; do cp "$f" "$seeds/$(basename "$(dirname "$f")")-$(basename "$f")"; done
fi
dotnet "$out/CertLint.Fuzz.dll" seeds "$harness" "$seeds" || { echo "fuzz $harness: seed generation failed"; exit 1; }
[ -d "$root/tests/fuzz-regressions/$harness" ] && find "$root/tests/fuzz-regressions/$harness" -type f ! -name '*.md' -size -10k -exec cp -t "$seeds" {} +
[ -n "$(ls -A "$seeds")" ] || printf 'seed' > "$seeds/seed"

dict=()
[ -f "$here/dictionaries/$harness.dict" ] && dict=(-x "$here/dictionaries/$harness.dict")
findings="$work/findings-$harness"
rm -rf "$findings"
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 AFL_FORKSRV_INIT_TMOUT=60000
afl-fuzz -i "$seeds" -o "$findings" -t 10000 -m none -V "$seconds" "${dict[@]}" -- dotnet "$out/CertLint.Fuzz.dll" "$harness" >"$work/afl-$harness.log" 2>&1
afl_rc=$?
stats="$findings/default/fuzzer_stats"
if [ ! -f "$stats" ]; then
  tail -15 "$work/afl-$harness.log"; echo "fuzz $harness: afl-fuzz did not start (exit $afl_rc)"; exit 1
fi
get() { sed -n "s/^$1 *: *//p" "$stats"; }

# Every crash and hang becomes a regression input that the test suite replays.
saved=0
for kind in crashes hangs; do
  for f in "$findings/default/$kind"/id:*; do
    [ -f "$f" ] || continue
    dest="$root/tests/fuzz-regressions/$harness"; mkdir -p "$dest"
    cp "$f" "$dest/${kind%es}-$(sha256sum "$f" | cut -c1-16).bin"; saved=$((saved + 1))
  done
done
echo "fuzz $harness: $(get execs_done) executions in $(get run_time)s, $(get corpus_count) paths, $(get edges_found) edges ($(get bitmap_cvg) of the map), $(get saved_crashes) crashes, $(get saved_hangs) hangs${saved:+; $saved saved to tests/fuzz-regressions/$harness}"
[ "$saved" -eq 0 ]
