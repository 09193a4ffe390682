#!/usr/bin/env bash
# What CertLint.MSBuild costs a no-op incremental `dotnet build`: the same project with and without the package.
# Then a one-file lint build (one certificate changed, so the target runs): the package as shipped (on linux-x64 it
# runs its Native AOT certlint, when the pack could build it) against the same package with CertLintUseNativeTool=false
# (the task in its .NET task host), the comparison issue 18 asked for.
# A benchmark, not a test: it prints timings and their ratio. Uses hyperfine when installed, else a timed loop.
#   bench/msbuild-overhead.sh [RUNS]      (default 10 runs per variant)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
work=$(mktemp -d "${TMPDIR:-/tmp}/certlint-bench-XXXXXX")
[ -n "${CERTLINT_KEEP_TEMP:-}" ] || trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1
export NUGET_PACKAGES="$work/packages"

version="1.0.0-bench.$(date +%s)"
echo "packing CertLint.MSBuild $version ..."
dotnet pack src/CertLint.MSBuild -c Release -o "$work/feed" -p:Version="$version" -nologo -v:q >/dev/null

# The machine's usual sources plus the local feed.
{
  echo '<?xml version="1.0" encoding="utf-8"?><configuration><packageSources><clear />'
  echo "<add key=\"bench\" value=\"$work/feed\" />"
  i=0
  dotnet nuget list source --format short | sed -n 's/^E \(.*\)$/\1/p' | while read -r src; do
    echo "<add key=\"source$i\" value=\"$src\" />"; i=$((i + 1))
  done
  echo '</packageSources></configuration>'
} >"$work/NuGet.config"

# Two identical projects with the committed fixtures (certificates and keys); only one references the package.
for variant in without with; do
  dir="$work/$variant"
  mkdir -p "$dir/certs"
  cp tests/fixtures/*.pem tests/fixtures/*.key tests/fixtures/*.der tests/fixtures/*.p7b "$dir/certs/" 2>/dev/null || true
  reference=""
  [ "$variant" = with ] && reference="<ItemGroup><PackageReference Include=\"CertLint.MSBuild\" Version=\"$version\" PrivateAssets=\"all\" /></ItemGroup>"
  cat >"$dir/Bench.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <!-- The fixtures hold deliberate problems: report them without failing, so the stamp makes later builds no-ops. -->
    <CertLintFailOn>none</CertLintFailOn>
  </PropertyGroup>
  $reference
</Project>
PROJ
  echo "first build ($variant package) ..."
  (cd "$dir" && dotnet build -nologo -v:q >"$work/$variant.log" 2>&1) || { tail -20 "$work/$variant.log"; exit 1; }
done

build() { (cd "$work/$1" && dotnet build --no-restore -nologo -v:q >/dev/null); }

if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 1 --runs "$runs" --export-json "$work/h.json" \
    -n without "cd $work/without && dotnet build --no-restore -nologo -v:q" \
    -n with "cd $work/with && dotnet build --no-restore -nologo -v:q"
  without_ms=$(python3 -c "import json;print(round(json.load(open('$work/h.json'))['results'][0]['mean']*1000))")
  with_ms=$(python3 -c "import json;print(round(json.load(open('$work/h.json'))['results'][1]['mean']*1000))")
else
  mean_ms() {
    build "$1"  # warm-up
    local total=0 start end
    for _ in $(seq "$runs"); do
      start=$(date +%s%N); build "$1"; end=$(date +%s%N)
      total=$((total + (end - start) / 1000000))
    done
    echo $((total / runs))
  }
  without_ms=$(mean_ms without)
  with_ms=$(mean_ms with)
fi

# The target's own share, from MSBuild's performance summary of one more no-op build.
target_ms=$(cd "$work/with" && dotnet build --no-restore -nologo -v:q -clp:PerformanceSummary 2>/dev/null \
  | awk '/Target Performance Summary/{t=1} t && /_CertLintCollectInputs|[[:space:]]CertLint$/ {s+=$1} END {print s+0}')

echo
echo "no-op incremental build, mean of $runs runs:"
echo "  without CertLint.MSBuild: ${without_ms} ms"
echo "  with CertLint.MSBuild:    ${with_ms} ms"
echo "  CertLint targets (input collection + up-to-date check): ${target_ms} ms"
awk -v a="$with_ms" -v b="$without_ms" 'BEGIN { printf "  ratio with/without: %.3f (%+d ms)\n", a / b, a - b }'

# One-file lint builds: the package as shipped against the same package told to run the task; same inputs/outputs.
if ! unzip -l "$work/feed/CertLint.MSBuild.$version.nupkg" | grep -q tools/native/linux-x64/certlint; then
  echo; echo "note: this package carries no native tool (not linux-x64, or no clang): both variants run the task"
fi
one_cert=$(ls tests/fixtures/*.pem | head -n 1)
for variant in native task; do
  dir="$work/$variant"; mkdir -p "$dir/certs"; cp "$one_cert" "$dir/certs/one.pem"
  use_native=true; [ "$variant" = task ] && use_native=false
  cat >"$dir/Bench.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><CertLintFailOn>none</CertLintFailOn><CertLintUseNativeTool>$use_native</CertLintUseNativeTool></PropertyGroup>
  <ItemGroup><PackageReference Include="CertLint.MSBuild" Version="$version" PrivateAssets="all" /></ItemGroup>
</Project>
PROJ
  (cd "$dir" && dotnet build -nologo -v:q >"$work/$variant.log" 2>&1) || { tail -20 "$work/$variant.log"; exit 1; }
done
lint_one() { # wall ms of one build after touching the certificate (the lint target runs, the compiler does not)
  local start; touch "$work/$1/certs/one.pem"; start=$(date +%s%N)
  (cd "$work/$1" && dotnet build --no-restore -nologo -v:q >/dev/null); echo $((($(date +%s%N) - start) / 1000000)); }
# Interleaved, so that the machine's load falls on both variants alike.
native_total=0; task_total=0
for _ in $(seq "$runs"); do
  native_total=$((native_total + $(lint_one native))); task_total=$((task_total + $(lint_one task)))
done
native_ms=$((native_total / runs)); task_ms=$((task_total / runs))
echo
echo "one-file lint build (the certificate touched before each build), mean of $runs runs, load $(cut -d' ' -f1-3 /proc/loadavg):"
echo "  package as shipped (native tool on linux-x64): ${native_ms} ms"
echo "  CertLintUseNativeTool=false (the task):       ${task_ms} ms"
awk -v a="$task_ms" -v b="$native_ms" 'BEGIN { printf "  ratio task/native: %.3f (%+d ms)\n", a / b, a - b }'
