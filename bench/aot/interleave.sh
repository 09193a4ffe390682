#!/usr/bin/env bash
# Compares commands on a busy machine: runs each N times, interleaved (A B C A B C ...), and prints per command the
# median CPU time (perf stat task-clock when perf is installed, else user + sys from /usr/bin/time), wall time and
# peak RSS, plus (with perf) the median page-fault count: a start-up's cost is mostly fresh memory touched, and the
# fault count barely moves with the machine's load. Interleaving spreads the load of other processes over every
# command alike; compare CPU and faults, not wall.
#   bench/aot/interleave.sh N LABEL 'COMMAND ARGS' [LABEL 'COMMAND ARGS' ...]
#   (a command may start with VAR=value words: it runs under env)
set -uo pipefail
n=${1:?usage: interleave.sh N LABEL COMMAND [LABEL COMMAND ...]}; shift
labels=(); cmds=()
while [ $# -ge 2 ]; do labels+=("$1"); cmds+=("$2"); shift 2; done
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
perf_ok=0; perf stat -x, -e task-clock -o "$tmp/probe" true >/dev/null 2>&1 && perf_ok=1
for ((i = 0; i < n; i++)); do
  for j in "${!cmds[@]}"; do
    # shellcheck disable=SC2086 # the command is split into words on purpose
    /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" env ${cmds[$j]} >/dev/null 2>&1
    read -r wall user sys rss < <(tail -n 1 "$tmp/time")
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.0f", (u + s) * 1000 }')
    faults=-
    if [ "$perf_ok" = 1 ]; then
      # shellcheck disable=SC2086
      perf stat -x, -e task-clock,page-faults -o "$tmp/perf" env ${cmds[$j]} >/dev/null 2>&1
      cpu=$(awk -F, '/task-clock/ { printf "%.1f", $1 }' "$tmp/perf")
      faults=$(awk -F, '/page-faults/ { print $1 }' "$tmp/perf")
    fi
    echo "$cpu $(awk -v w="$wall" 'BEGIN { printf "%.0f", w * 1000 }') $rss $faults" >>"$tmp/$j"
  done
done
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
echo "load $(cut -d' ' -f1-3 /proc/loadavg); $n interleaved runs each; CPU from $([ "$perf_ok" = 1 ] && echo 'perf stat task-clock' || echo '/usr/bin/time user+sys')"
for j in "${!cmds[@]}"; do
  printf '%-12s cpu %8s ms   wall %6s ms   peak RSS %7s KB   page faults %7s\n' "${labels[$j]}" \
    "$(cut -d' ' -f1 "$tmp/$j" | median)" "$(cut -d' ' -f2 "$tmp/$j" | median)" "$(cut -d' ' -f3 "$tmp/$j" | median)" \
    "$(cut -d' ' -f4 "$tmp/$j" | median)"
done
