#!/usr/bin/env bash
# Part of docs/performance.md "Session 7 (lead)": core, default and every pack interleaved on the 10,000 corpus.
# usage: measure-packs.sh TOOLDIR RUNS  -> medians of wall/cpu/rss for core, default, every pack (interleaved)
tool=$1; runs=${2:-5}; C=/tmp/certlint-bench/corpus-10000
out=/tmp/mp-$(basename $tool); rm -rf $out; mkdir -p $out
one() { /usr/bin/time -f "%e %U %S %M" dotnet $tool/certlint.dll $C --now 2026-06-01T00:00:00Z --fail-on none --quiet $1 2>&1 >/dev/null | tail -1 | awk '{printf "%d %d %d\n", $1*1000, ($2+$3)*1000, $4/1024}'; }
one "--pack core" >/dev/null
for ((i=0;i<runs;i++)); do one "--pack core" >> $out/core; one "" >> $out/default; one "--pack +cabf-br" >> $out/every; done
med() { sort -n -k$2 $1 | awk -v k=$2 '{a[NR]=$k} END {print a[int((NR+1)/2)]}'; }
for c in core default every; do echo "$c wall $(med $out/$c 1) cpu $(med $out/$c 2) rss $(med $out/$c 3)"; done
cw=$(med $out/core 1); cc=$(med $out/core 2)
for c in default every; do awk -v w=$(med $out/$c 1) -v c=$(med $out/$c 2) -v cw=$cw -v cc=$cc -v n=$c 'BEGIN {printf "%s/core: %.2fx wall, %.2fx cpu\n", n, w/cw, c/cc}'; done
uptime
