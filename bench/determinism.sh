#!/usr/bin/env bash
# Determinism check: every model family (bench/determinism.yaml: mlp, mlp-image, dcgan at 28/32/64 px with and
# without batch norm, lsgan-112 narrowed, lsgan-conditional) run again and again, each time in fresh processes
# and a fresh folder, with a CPU hog on the other core. Every run must give each trial byte-identical
# metrics.csv and samples, and every trial must complete.
#
#   bench/determinism.sh [--runs N] [--fast] [--no-hog] [--no-hostile] [--keep] [GRID]
#
# The runs:
#   run 1..N   `gansweep run --workers 1`: all trials one after the other in one fresh JVM
#   workers-2  `gansweep run --workers 2`: each trial in its own JVM, two at once
#   hostile    `--workers 1` with every fresh tensor filled with NaN (bench/nanfill.c, LD_PRELOAD), every freed
#              heap block overwritten (glibc perturb, no tcache) and a small young generation so the garbage
#              collector and DJL's buffer cleaners run all the time. A kernel that reads memory it has not
#              written, or a buffer freed under a live tensor, turns that trial to NaN or to other numbers.
# --fast: 2 runs, steps and families as in the grid (what .ci/run does). Exit 0 when every trial matches in
# every run, 1 otherwise. The launcher's pins (ONEDNN_MAX_CPU_ISA, ATEN_CPU_CAPABILITY, MKL_CBWR) apply; set
# them in the environment to check another code path, e.g. ONEDNN_MAX_CPU_ISA=ALL ATEN_CPU_CAPABILITY=avx512.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=10
hog=1
hostile=1
keep=0
grid="$root/bench/determinism.yaml"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
    --fast) runs=2; shift ;;
    --no-hog) hog=0; shift ;;
    --no-hostile) hostile=0; shift ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    -*) echo "determinism: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) grid="$1"; shift ;;
  esac
done
case "$runs" in ''|*[!0-9]*|0) echo "determinism: --runs must be a positive whole number, got '$runs'" >&2; exit 2 ;; esac
[ -f "$grid" ] || { echo "determinism: no grid at $grid" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/gansweep-determinism.XXXXXX")"
hog_pid=""
cleanup() {
  [ -n "$hog_pid" ] && kill "$hog_pid" 2>/dev/null || true
  if [ "$keep" = 1 ]; then echo "determinism: runs kept in $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

"$root/gansweep" validate "$grid" >/dev/null  # builds on first use; a bad grid stops here with its message
name="$(sed -n 's/^name:[[:space:]]*\([^[:space:]#]*\).*/\1/p' "$grid" | head -1)"

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
  set +e
  env "${envs[@]}" "$root/gansweep" run "$grid" --out "$out" "$@" >"$work/$label.log" 2>&1
  local rc=$?
  set -e
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
fingerprint() { # run-label trial-id
  local t="$work/$1/$name/trials/$2"
  [ -d "$t" ] || { echo "missing"; return; }
  local status
  status="$(sed -n 's/.*"status" *: *"\([a-z]*\)".*/\1/p' "$t/summary.json" 2>/dev/null | head -1)"
  [ "$status" = completed ] || { echo "${status:-no-summary}"; return; }
  { cat "$t/metrics.csv"; find "$t/samples" -type f | sort | xargs cat; } | md5sum | cut -c1-8
}
trials="$(ls "$work/run1/$name/trials" 2>/dev/null | sort)"
[ -n "$trials" ] || { echo "determinism: the first run wrote no trials; its log:" >&2; tail -20 "$work/run1.log" >&2; exit 1; }

bad=0
printf '%-46s %-10s %-9s %-9s %-9s %s\n' trial reference "runs=" workers-2 hostile verdict
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
  printf '%-46s %-10s %-9s %-9s %-9s %s\n' "$t" "$ref" "$same/$runs" "$w2" "$ho" "$verdict"
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
echo "determinism: $((count - bad)) of $count trials identical over $runs fresh runs, --workers 2$([ "$hostile" = 1 ] && echo " and the hostile run")$([ "$hog" = 1 ] && echo ", with a CPU hog")"
[ "$bad" = 0 ]
