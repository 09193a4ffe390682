#!/usr/bin/env bash
# Compares two revisions of CertLint on the same generated corpus, in one run, interleaved (A B A B ...), so that
# machine load affects both alike. Prints medians and the ratio B/A; asserts nothing (see docs/performance.md).
#   bench/compare.sh REV_A REV_B [COUNT]      ARGS_A / ARGS_B: extra certlint options for each side
set -euo pipefail
cd "$(dirname "$0")/.."
rev_a=$1; rev_b=$2; count=${3:-10000}; runs=${RUNS:-5}
now=2026-06-01T00:00:00Z; out=bench/out/compare; mkdir -p "$out"
rid=$(dotnet --info | awk '/ RID:/ {print $2; exit}')
build() { # REV -> publishes into $out/REV-sha
  local sha; sha=$(git rev-parse --short "$1"); local dir="$out/tool-$sha"
  if [ ! -f "$dir/certlint.dll" ]; then
    rm -rf "$out/src-$sha"; git worktree add --detach -f "$out/src-$sha" "$sha" >/dev/null 2>&1
    dotnet publish "$out/src-$sha/src/CertLint.Cli" -c Release -r "$rid" --self-contained false -p:PublishAot=false \
      -p:PublishReadyToRun=true -o "$dir" >/dev/null
    git worktree remove --force "$out/src-$sha"
  fi
  echo "$dir"
}
echo "== build $rev_a and $rev_b (Release, ReadyToRun)"
tool_a=$(build "$rev_a"); tool_b=$(build "$rev_b")
dotnet build bench/CertLint.Benchmarks -c Release >/dev/null
# Outside any git work tree: inside one, the work tree would be the scan root and its other files context for the scan.
corpus="${BENCH_CORPUS_DIR:-${TMPDIR:-/tmp}/certlint-bench}/corpus-$count"
if [ ! -f "$corpus/.done" ]; then
  rm -rf "$corpus"; dotnet bench/CertLint.Benchmarks/bin/Release/net10.0/CertLint.Benchmarks.dll corpus "$corpus" "$count" --now "$now"
  touch "$corpus/.done"
fi
run() { # prints "wall_ms cpu_ms" (CPU = user + sys: what the run costs, meaningful on a busy machine too)
  local t0 cpu; t0=$(date +%s%N)
  # shellcheck disable=SC2086
  cpu=$(/usr/bin/time -f '%U %S' dotnet "$1/certlint.dll" "$corpus" --now "$now" --fail-on none --quiet $2 2>&1 >/dev/null | tail -1 |
    awk '{printf "%.0f", ($1 + $2) * 1000}')
  echo "$(( ($(date +%s%N) - t0) / 1000000 )) $cpu"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; } # of the first column
run "$tool_a" "${ARGS_A:-}" >/dev/null; run "$tool_b" "${ARGS_B:-}" >/dev/null # warm the file cache
: > "$out/a.txt"; : > "$out/b.txt"
for ((i = 0; i < runs; i++)); do run "$tool_a" "${ARGS_A:-}" >> "$out/a.txt"; run "$tool_b" "${ARGS_B:-}" >> "$out/b.txt"; done
a=$(median < "$out/a.txt"); b=$(median < "$out/b.txt")
ca=$(cut -d' ' -f2 "$out/a.txt" | median); cb=$(cut -d' ' -f2 "$out/b.txt" | median)
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(dotnet --version) SDK; $count certs + $count keys, median of $runs interleaved runs"
echo "A $(git rev-parse --short "$rev_a") ${ARGS_A:-}: $a ms wall, $ca ms CPU   (wall cpu per run: $(tr '\n' ',' < "$out/a.txt"))"
echo "B $(git rev-parse --short "$rev_b") ${ARGS_B:-}: $b ms wall, $cb ms CPU   (wall cpu per run: $(tr '\n' ',' < "$out/b.txt"))"
awk -v a="$a" -v b="$b" -v ca="$ca" -v cb="$cb" 'BEGIN { printf "ratio B/A: %.3f wall, %.3f CPU\n", b / a, cb / ca }'
