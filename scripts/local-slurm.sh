#!/usr/bin/env bash
# A real single-node Slurm cluster on this machine, for tests and for trying `gansweep run --executor slurm`.
#   scripts/local-slurm.sh start|stop|status [DIR]
# DIR (default ${TMPDIR:-/tmp}/gansweep-slurm) holds everything: slurm.conf, the munge key and socket, state,
# spool, logs and pid files. No systemd, no /etc change. `start` prints the line to paste into a shell
# (export SLURM_CONF=DIR/slurm.conf) and writes it to DIR/env; `stop` ends only the daemons it started (their pids).
# Needs Debian's slurmctld, slurmd, slurm-client and munge. Runs as root (slurmd starts tasks as their user) or as
# a user who may run slurmd (then only that user's jobs run).
set -euo pipefail
cmd="${1:?usage: scripts/local-slurm.sh start|stop|status [DIR]}"
dir="${2:-${TMPDIR:-/tmp}/gansweep-slurm}"
# One spelling of the folder, so `stop` recognises the daemons `start` launched whichever way it was named.
dir="$(realpath -m -- "$dir")"

pids() { cat "$dir"/munged.pid "$dir"/slurmctld.pid "$dir"/slurmd.pid 2>/dev/null || true; }
alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }
# Whether pid $1 is still the daemon $2 this script started from $dir: a pid file outlives its daemon, and the
# kernel may have given the pid to an unrelated process since. The daemon's name and its command line (which names
# a file under $dir) must both match before it is signalled.
ours() {
  local pid="${1:-}" name="$2"
  [[ "$pid" =~ ^[0-9]+$ ]] && alive "$pid" || return 1
  [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$name" ] || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$dir/"
}

need() {
  local missing=()
  for b in munged slurmctld slurmd sbatch squeue scontrol sinfo; do
    command -v "$b" >/dev/null 2>&1 || [ -x "/usr/sbin/$b" ] || missing+=("$b")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "local-slurm: missing ${missing[*]}; install Debian's slurmctld slurmd slurm-client munge" >&2
    exit 3
  fi
}

stop() {
  local stopped=0
  for f in slurmd slurmctld munged; do
    local pid
    pid="$(cat "$dir/$f.pid" 2>/dev/null || true)"
    if ours "$pid" "$f"; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do alive "$pid" || break; sleep 0.1; done
      ours "$pid" "$f" && kill -9 "$pid" 2>/dev/null || true
      stopped=$((stopped + 1))
    fi
    rm -f "$dir/$f.pid"
  done
  echo "local-slurm: stopped $stopped daemon(s) started from $dir"
}

status() {
  local up=0
  for f in munged slurmctld slurmd; do
    local pid
    pid="$(cat "$dir/$f.pid" 2>/dev/null || true)"
    if ours "$pid" "$f"; then echo "$f: running (pid $pid)"; up=$((up + 1)); else echo "$f: not running"; fi
  done
  if [ "$up" -eq 3 ]; then
    SLURM_CONF="$dir/slurm.conf" sinfo -h -o '%n %T %c CPUs' 2>/dev/null || true
    return 0
  fi
  return 1
}

start() {
  need
  if status >/dev/null 2>&1; then
    echo "local-slurm: already running from $dir"
    echo "export SLURM_CONF=$dir/slurm.conf"
    return 0
  fi
  stop >/dev/null
  mkdir -p "$dir"/{munge,state,spool,log}
  # munged refuses a socket folder others can write, and a key anyone but its owner can read.
  chmod 755 "$dir" "$dir/munge"
  if [ ! -s "$dir/munge/munge.key" ]; then
    head -c 1024 /dev/urandom > "$dir/munge/munge.key"
  fi
  chmod 600 "$dir/munge/munge.key"
  local user host cpus mem port
  user="$(id -un)"
  host="$(hostname -s)"
  # GNU nproc obeys OMP_NUM_THREADS: clear it, or a 1-thread shell makes a 1-CPU node.
  cpus="$(env -u OMP_NUM_THREADS nproc --all)"
  mem="$(awk '/MemTotal/ { printf "%d", $2 / 1024 * 0.9 }' /proc/meminfo)"
  # Ports from the folder's name, so two clusters in two folders do not collide.
  port=$(( 20000 + $(printf '%s' "$dir" | cksum | cut -d' ' -f1) % 20000 ))
  /usr/sbin/munged --force --socket="$dir/munge/munge.socket" --key-file="$dir/munge/munge.key" \
    --pid-file="$dir/munged.pid" --log-file="$dir/log/munged.log" --seed-file="$dir/munge/munge.seed"
  cat > "$dir/slurm.conf" <<EOF
# Written by gansweep's scripts/local-slurm.sh: a single-node cluster under $dir.
ClusterName=gansweep-local
SlurmctldHost=$host
SlurmUser=$user
SlurmdUser=$user
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
MpiDefault=none
ReturnToService=2
# Finished tasks stay visible to scontrol for an hour: gansweep reads why a task ended (cancelled, timeout, OOM).
MinJobAge=3600
KillWait=5
SchedulerType=sched/backfill
NodeName=$host CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
  export SLURM_CONF="$dir/slurm.conf"
  /usr/sbin/slurmctld -i -f "$SLURM_CONF"
  /usr/sbin/slurmd -f "$SLURM_CONF"
  echo "export SLURM_CONF=$dir/slurm.conf" > "$dir/env"
  for _ in $(seq 1 150); do
    if [ "$(sinfo -h -n "$host" -o '%T' 2>/dev/null)" = idle ]; then
      echo "local-slurm: node $host idle with $cpus CPUs ($dir)"
      echo "export SLURM_CONF=$dir/slurm.conf"
      return 0
    fi
    sleep 0.2
  done
  echo "local-slurm: the node did not become idle in 30 s; logs in $dir/log:" >&2
  tail -n 5 "$dir"/log/*.log >&2 || true
  stop >&2
  return 1
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "local-slurm: unknown command '$cmd' (start, stop or status)" >&2; exit 2 ;;
esac
