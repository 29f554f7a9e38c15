#!/usr/bin/env bash
# Side-by-side speed against the plain-PyTorch peers (../shared/bench/lsgan_peer.py, authors_ring_peer.py for
# ring-authors, dcgan_peer.py for dcgan: the table1-fashion DCGAN, 28 px, filters 32), one thread each. Developer-only: the peers live outside the repository (set PEER to another copy).
# Runs alternate (peer, gansweep, peer, gansweep, ...) so that drift in the machine's speed hits both alike,
# and the median of the per-pair ratios is printed with every pair.
#   bench/side-by-side.sh ring|ring-authors|fashion|dcgan [PAIRS=5] [STEPS: ring 2000, ring-authors 2000, fashion 1000,
#                         dcgan 300] [LOSS=gan]
# PEER (path to the peer), PYTHON (default /usr/bin/python3, Debian's python3-torch) and NUMERICS (gansweep's
# --numerics: fastest, the default, or portable) may be set. OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are unset in
# the peer's command, so that OpenBLAS runs its own best kernels for this processor (its AVX-512 ones where it has
# them): gansweep is compared with the fastest peer the machine allows.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dataset="${1:?usage: bench/side-by-side.sh ring|ring-authors|fashion|dcgan [PAIRS] [STEPS] [LOSS]}"
pairs="${2:-5}"
loss="${4:-gan}"
case "$dataset" in
  ring) grid="$root/experiments/ring.yaml"; steps="${3:-2000}"; peerName=lsgan_peer.py ;;
  ring-authors) grid="$root/experiments/ring-authors.yaml"; steps="${3:-2000}"; peerName=authors_ring_peer.py ;;
  fashion) grid="$root/experiments/fashion-mlp.yaml"; steps="${3:-1000}"; peerName=lsgan_peer.py ;;
  dcgan) grid="$root/bench/determinism-table1.yaml"; steps="${3:-300}"; peerName=dcgan_peer.py ;; # one table1-fashion trial
  *) echo "side-by-side: dataset must be ring, ring-authors, fashion or dcgan, got '$dataset'" >&2; exit 2 ;;
esac
peer="${PEER:-$root/../shared/bench/$peerName}"
python="${PYTHON:-/usr/bin/python3}"
numerics="${NUMERICS:-fastest}"
if [ ! -f "$peer" ]; then
  echo "side-by-side: no peer at $peer (set PEER=/path/to/lsgan_peer.py)" >&2; exit 2
fi
# ring-authors sets loss.type on a loss with its own reduction: override the type only, as its axis does.
lossPath=loss
if [ "$dataset" = ring-authors ]; then lossPath=loss.type; fi
ratios=()
for i in $(seq 1 "$pairs"); do
  if [ "$dataset" = ring-authors ] || [ "$dataset" = dcgan ]; then
    p=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 "$python" "$peer" --loss "$loss" \
        --steps "$steps" --seed 1 | sed -n 's/.*"steps_per_second": \([0-9.]*\).*/\1/p')
  else
    p=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 "$python" "$peer" \
        --dataset "$dataset" --loss "$loss" --steps "$steps" --seed 1 --threads 1 \
        | sed -n 's/^steps\/s (excluding [0-9]* warm-up steps): \([0-9.]*\)$/\1/p')
  fi
  g=$(GANSWEEP_THREADS=1 "$root/gansweep" bench "$grid" --numerics "$numerics" --steps "$steps" --set "$lossPath=$loss" \
      --set 'seeds=[1]' 2>/dev/null | sed -n 's/.*"steps_per_second":\([0-9.]*\).*/\1/p' | tail -1)
  if [ -z "$p" ] || [ -z "$g" ]; then
    echo "side-by-side: pair $i gave no figure (peer '$p', gansweep '$g')" >&2; exit 1
  fi
  r=$(awk -v g="$g" -v p="$p" 'BEGIN { printf "%.3f", g / p }')
  ratios+=("$r")
  echo "$dataset pair $i: peer $p steps/s, gansweep $g steps/s, ratio $r"
done
median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
echo "$dataset: $pairs pairs, $steps steps each, loss $loss, numerics $numerics: median ratio $median (gansweep / peer)" \
  "on $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
