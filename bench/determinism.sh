#!/usr/bin/env bash
# Determinism check: every model family (bench/determinism.yaml: mlp, mlp-image, dcgan at 28/32/64 px with and
# without batch norm, lsgan-112 narrowed, lsgan-conditional), issue 21's tiny conv grid at 6 steps
# (bench/determinism-conv.yaml) and a 100-step table1-fashion trial (bench/determinism-table1.yaml), run again and
# again, each time in fresh processes and a fresh folder, with a CPU hog on the other core. Every run must give
# each trial byte-identical metrics.csv and samples, and every trial must complete.
#
#   bench/determinism.sh [--runs N] [--fast] [--numerics fastest|portable] [--no-hog] [--no-hostile] [--keep] [GRID...]
#
# The runs:
#   run 1..N   `gansweep run --workers 1`: all trials one after the other in one fresh JVM
#   workers-2  `gansweep run --workers 2`: each trial in its own JVM, two at once
#   hostile    `--workers 1` with every fresh tensor filled with NaN (bench/nanfill.c, LD_PRELOAD), every freed
#              heap block overwritten (glibc perturb, no tcache) and a small young generation so the garbage
#              collector and DJL's buffer cleaners run all the time. A kernel that reads memory it has not
#              written, or a buffer freed under a live tensor, turns that trial to NaN or to other numbers.
# --fast: 2 runs, steps and families as in the grids (what .ci/run does). --numerics: the code paths every run
# computes on (default fastest: the fastest this machine's kernel self-test passes; `gansweep doctor` shows them).
# Exit 0 when every trial matches in every run, 1 otherwise.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=10
hog=1
hostile=1
keep=0
grids=()
numerics=fastest
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
    --fast) runs=2; shift ;;
    --numerics) numerics="${2:?--numerics needs fastest or portable}"; shift 2 ;;
    --no-hog) hog=0; shift ;;
    --no-hostile) hostile=0; shift ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    -*) echo "determinism: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) grids+=("$1"); shift ;;
  esac
done
case "$runs" in ''|*[!0-9]*|0) echo "determinism: --runs must be a positive whole number, got '$runs'" >&2; exit 2 ;; esac
case "$numerics" in fastest|portable) ;; *) echo "determinism: --numerics must be fastest or portable, got '$numerics'" >&2; exit 2 ;; esac
[ ${#grids[@]} -gt 0 ] || grids=("$root/bench/determinism.yaml" "$root/bench/determinism-conv.yaml" "$root/bench/determinism-table1.yaml")
for grid in "${grids[@]}"; do
  [ -f "$grid" ] || { echo "determinism: no grid at $grid" >&2; exit 2; }
done

work="$(mktemp -d "${TMPDIR:-/tmp}/gansweep-determinism.XXXXXX")"
hog_pid=""
cleanup() {
  [ -n "$hog_pid" ] && kill "$hog_pid" 2>/dev/null || true
  if [ "$keep" = 1 ]; then echo "determinism: runs kept in $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

names=()
for grid in "${grids[@]}"; do
  "$root/gansweep" validate "$grid" >/dev/null  # builds on first use; a bad grid stops here with its message
  names+=("$(sed -n 's/^name:[[:space:]]*\([^[:space:]#]*\).*/\1/p' "$grid" | head -1)")
done

if [ "$hostile" = 1 ]; then
  cc="$(command -v cc || command -v gcc || true)"
  [ -n "$cc" ] || { echo "determinism: --hostile needs a C compiler (apt-get install gcc), or pass --no-hostile" >&2; exit 2; }
  "$cc" -O2 -shared -fPIC -o "$work/nanfill.so" "$root/bench/nanfill.c" -ldl
fi
if [ "$hog" = 1 ]; then
  # A busy second core: the trials share the machine with a process that never sleeps.
  (while :; do :; done) &
  hog_pid=$!
fi

labels=()
run() { # label, then env assignments for the launcher, then gansweep arguments after --
  local label="$1"; shift
  local envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done
  shift
  local out="$work/$label"
  local start=$SECONDS
  local rc=0 r
  for grid in "${grids[@]}"; do
    set +e
    env "${envs[@]}" "$root/gansweep" run "$grid" --out "$out" --numerics "$numerics" "$@" >>"$work/$label.log" 2>&1
    r=$?
    set -e
    [ "$r" = 0 ] || rc=$r
  done
  echo "determinism: $label: exit $rc, $((SECONDS - start)) s" >&2
  labels+=("$label")
}
for i in $(seq 1 "$runs"); do
  run "run$i" X=1 -- --workers 1
done
run workers-2 X=1 -- --workers 2
if [ "$hostile" = 1 ]; then
  run hostile LD_PRELOAD="$work/nanfill.so" NANFILL_REPORT=1 \
    GLIBC_TUNABLES=glibc.malloc.perturb=255:glibc.malloc.tcache_count=0:glibc.malloc.mmap_threshold=67108864 \
    JAVA_OPTS="-XX:+UseSerialGC -Xmn2m ${JAVA_OPTS:-}" -- --workers 1
fi

# One fingerprint per trial and run: its status, metrics.csv and every sample file.
fingerprint() { # run-label experiment/trials/trial-id
  local t="$work/$1/$2"
  [ -d "$t" ] || { echo "missing"; return; }
  local status
  status="$(sed -n 's/.*"status" *: *"\([a-z]*\)".*/\1/p' "$t/summary.json" 2>/dev/null | head -1)"
  [ "$status" = completed ] || { echo "${status:-no-summary}"; return; }
  { cat "$t/metrics.csv"; find "$t/samples" -type f | sort | xargs cat; } | md5sum | cut -c1-8
}
trials="$(for n in "${names[@]}"; do ls "$work/run1/$n/trials" 2>/dev/null | sed "s|^|$n/trials/|"; done)"
[ -n "$trials" ] || { echo "determinism: the first run wrote no trials; its log:" >&2; tail -20 "$work/run1.log" >&2; exit 1; }

bad=0
printf '%-66s %-10s %-9s %-9s %-9s %s\n' trial reference "runs=" workers-2 hostile verdict
for t in $trials; do
  ref="$(fingerprint run1 "$t")"
  same=0
  for i in $(seq 1 "$runs"); do
    [ "$(fingerprint "run$i" "$t")" = "$ref" ] && same=$((same + 1))
  done
  w2="$(fingerprint workers-2 "$t")"
  ho="-"
  [ "$hostile" = 1 ] && ho="$(fingerprint hostile "$t")"
  verdict=identical
  if [[ ! "$ref" =~ ^[0-9a-f]{8}$ ]] || [ "$same" != "$runs" ] || [ "$w2" != "$ref" ] || { [ "$hostile" = 1 ] && [ "$ho" != "$ref" ]; }; then
    verdict=DIFFERENT
    bad=$((bad + 1))
  fi
  [ "$w2" = "$ref" ] && w2=same
  [ "$ho" = "$ref" ] && ho=same
  printf '%-66s %-10s %-9s %-9s %-9s %s\n' "${t/\/trials\//: }" "$ref" "$same/$runs" "$w2" "$ho" "$verdict"
done
count=$(echo "$trials" | wc -l)
if [ "$hostile" = 1 ]; then
  # Every process under the shim reports; the JVM's is the largest count (0 would mean it was not in the path).
  filled="$(sed -n 's/^nanfill: \([0-9]*\) blocks.*/\1/p' "$work/hostile.log" | sort -n | tail -1)"
  if [ -z "$filled" ] || [ "$filled" = 0 ]; then
    echo "determinism: the NaN shim filled no tensor memory in the hostile run: it was not in the path" >&2
    bad=$((bad + 1))
  else
    echo "determinism: hostile run: $filled tensor allocations filled with NaN before use" >&2
  fi
fi
path="$(sed -n 's/.*"path" *: *"\([^"]*\)".*/\1/p' $(find "$work/run1" -name summary.json | head -1) | head -1)"
echo "determinism: code path $path (numerics $numerics) on $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
echo "determinism: $((count - bad)) of $count trials identical over $runs fresh runs, --workers 2$([ "$hostile" = 1 ] && echo " and the hostile run")$([ "$hog" = 1 ] && echo ", with a CPU hog")"
[ "$bad" = 0 ]
