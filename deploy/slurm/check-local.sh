#!/usr/bin/env bash
# Brings up a one-node Slurm cluster on this machine, runs a sharded `mmudsl explore` on it
# through deploy/slurm/explore.sbatch, and checks that the merge matches a single-machine run;
# then kills one array task midway, requeues it, and checks the merge again. Stops the daemons it
# started (by their pid files) whatever happens. Needs root (it installs slurm-wlm and munge from
# Debian when they are missing). Everything else lives in a fresh folder under /tmp: its own munge
# key and socket, slurm.conf (SLURM_CONF), state, logs, and free ports, so that it touches no
# cluster already on the machine. Prints "check-local: passed" and exits 0 when every check held.
#
# Environment: SMALL / KILL_BOUNDS (explore options of the two runs), SHARDS (of the first run,
# default 3), SKIP_KILL=1 (only the first run: for figures), KEEP=1 keeps the folder,
# WAIT_SECONDS (how long a submitted array may take, default 900).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
small=${SMALL:---roots 2 --pages 2 --max-level 3 --ops 3}
kill_bounds=${KILL_BOUNDS:---pages 2 --ops 4}
say() { echo "check-local: $*"; }
fail() { echo "check-local: FAILED: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "run as root: it starts munged, slurmctld and slurmd (and may apt-get install slurm-wlm munge)"
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
  say "installing slurm-wlm and munge from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y slurm-wlm munge >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y slurm-wlm munge >/dev/null; }
fi
for tool in jq python3 dotnet; do command -v "$tool" >/dev/null || fail "$tool is needed"; done

say "building the tool"
dotnet build "$repo/src/Cli" -c Release -nologo -v q >/dev/null || fail "dotnet build src/Cli failed"
export MMUDSL="dotnet $repo/src/Cli/bin/Release/net10.0/mmudsl.dll"

dir=$(mktemp -d /tmp/mmudsl-slurm.XXXXXX)
chmod 755 "$dir"
mkdir -p "$dir/munge" "$dir/state" "$dir/spool" "$dir/log"
stop() {
  local status=$?
  for daemon in slurmd slurmctld munged; do
    local pidfile=$dir/$daemon.pid
    [ -s "$pidfile" ] || continue
    local pid; pid=$(cat "$pidfile")
    if kill "$pid" 2>/dev/null; then
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
      echo "check-local: stopped $daemon (pid $pid)"
    fi
  done
  if [ "$status" -eq 0 ] && [ "${KEEP:-0}" != 1 ]; then rm -rf "$dir"; else echo "check-local: logs and results kept in $dir"; fi
}
trap stop EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
ctld_port=$(free_port); d_port=$(free_port)
while [ "$d_port" = "$ctld_port" ]; do d_port=$(free_port); done
host=$(hostname -s)

# munge: our own key and socket.
dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none
chmod 700 "$dir/munge"; chmod 400 "$dir/munge/munge.key"
munged --force --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" \
  --pid-file="$dir/munged.pid" --log-file="$dir/log/munged.log" --seed-file="$dir/munge/munged.seed" \
  || fail "munged did not start (see $dir/log/munged.log)"

cat > "$dir/slurm.conf" <<CONF
ClusterName=mmudsl-local
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
SlurmctldPort=$ctld_port
SlurmdPort=$d_port
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
SchedulerType=sched/backfill
SchedulerParameters=sched_interval=2
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
JobAcctGatherType=jobacct_gather/none
MpiDefault=none
ReturnToService=2
JobRequeue=1
KillWait=5
MinJobAge=600
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=main Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$dir/slurm.conf
slurmctld -f "$SLURM_CONF" || fail "slurmctld did not start (see $dir/log/slurmctld.log)"
slurmd -f "$SLURM_CONF" || fail "slurmd did not start (see $dir/log/slurmd.log)"
for _ in $(seq 60); do
  state=$(sinfo -h -n "$host" -o %T 2>/dev/null || true)
  case "$state" in idle*|mixed*|allocated*) break ;; esac
  sleep 1
done
case "$state" in idle*|mixed*|allocated*) ;; *) fail "node $host is '$state', not idle, after 60 s (see $dir/log)" ;; esac
say "one-node cluster up: $host, $(nproc) CPUs, slurmctld :$ctld_port, slurmd :$d_port (SLURM_CONF=$SLURM_CONF)"

# Waits until none of the given jobs (array tasks included) is pending or running.
wait_jobs() {
  local limit=${2:-${WAIT_SECONDS:-900}}
  local deadline=$((SECONDS + limit))
  while [ -n "$(squeue -h -j "$1" -o %i 2>/dev/null)" ]; do
    [ "$SECONDS" -lt "$deadline" ] || fail "jobs $1 still queued after $limit s (raise WAIT_SECONDS)"
    sleep 2
  done
}
# The verdict and counts of a report (explore --format json), one JSON value.
counts() { jq -cS '{clean, shapes, shapesExplored, states, transitions, transitionsRun, expectedNoProgress, work, largestVisitsRatio, memory: (.memory | del(.peakBytes, .budgetBytes)), findings: (.findings | map_values(del(.repro)))}' "$1"; }
single() { # bounds... > json
  local out=$1; shift
  local s=0; $MMUDSL explore "$@" --format json -o "$dir/single-repros" > "$out" 2>/dev/null || s=$?
  [ "$s" -le 1 ] || fail "single-machine run $* exited $s"
}
check_merge() { # results-folder single-json what
  [ -s "$1/merged.json" ] || fail "$3: no merged.json (see $1/merge.out)"
  if [ "$(counts "$1/merged.json")" != "$(counts "$2")" ]; then
    diff <(counts "$2" | jq .) <(counts "$1/merged.json" | jq .) >&2 || true
    fail "$3: the merged report differs from the single-machine run"
  fi
  say "$3: merged report = single-machine run on the verdict, counts and memory figures ($(jq -r '"\(.states) states, clean \(.clean)"' "$2"))"
}

# 1. N = 3 at a small bound, merged by the dependent merge job.
read -r -a bounds <<< "$small"
single "$dir/single-small.json" "${bounds[@]}"
export EXPLORE_RESULTS=$dir/run1
shards=${SHARDS:-3}
submitted=$(bash "$repo/deploy/slurm/explore.sbatch" submit "$shards" "${bounds[@]}")
say "submitted: $submitted ($small)"
read -r _ array _ merge _ <<< "$submitted"
wait_jobs "$array,$merge"
check_merge "$EXPLORE_RESULTS" "$dir/single-small.json" "array of $shards ($small)"
say "  single-machine run: $(jq -r '"\(.states) states, \(.seconds) s on \(.threads) threads"' "$dir/single-small.json")"
for ((i = 0; i < shards; i++)); do
  say "  shard $i: $(jq -r '"\(.shapesInShard) shapes, \(.states) states, \(.seconds) s"' "$EXPLORE_RESULTS/shards/shard-$i.json")"
done
if [ "${SKIP_KILL:-0}" = 1 ]; then say "passed (the kill and requeue skipped: SKIP_KILL=1)"; exit 0; fi

# 2. Kill task 1 midway (SIGKILL to the task), requeue it: it resumes from its checkpoint.
read -r -a bounds <<< "$kill_bounds"
single "$dir/single-kill.json" "${bounds[@]}"
export EXPLORE_RESULTS=$dir/run2 EXPLORE_CHECKPOINT_EVERY=1
submitted=$(bash "$repo/deploy/slurm/explore.sbatch" submit 3 "${bounds[@]}")
say "submitted: $submitted ($kill_bounds, checkpoint every 1 s)"
read -r _ array _ merge _ <<< "$submitted"
checkpoint=$EXPLORE_RESULTS/shards/shard-1.json.checkpoint
deadline=$((SECONDS + 600))
# Midway: once a third of its shapes are checkpointed.
until [ -s "$checkpoint" ] && [ "$(jq '(.shapesDone | length) * 3 >= .shapesInShard' "$checkpoint" 2>/dev/null)" = true ] \
    && [ "$(squeue -h -j "${array}_1" -o %T 2>/dev/null)" = RUNNING ]; do
  [ "$SECONDS" -lt "$deadline" ] || fail "task ${array}_1 never wrote a checkpoint"
  [ ! -s "$EXPLORE_RESULTS/shards/shard-1.json" ] || fail "task ${array}_1 finished before it could be killed: raise KILL_BOUNDS"
  sleep 0.5
done
done_before=$(jq '.shapesDone | length' "$checkpoint")
scancel --full --signal=KILL "${array}_1"
for _ in $(seq 60); do [ -z "$(squeue -h -j "${array}_1" -t RUNNING -o %i 2>/dev/null)" ] && break; sleep 0.5; done
[ ! -e "$EXPLORE_RESULTS/shards/shard-1.json" ] || fail "a killed task left a results file"
say "killed task ${array}_1 with SIGKILL after $done_before shapes were checkpointed; no results file left"
scontrol requeue "${array}_1" || fail "scontrol requeue ${array}_1 failed"
wait_jobs "$array"
grep -q "taken up from the checkpoint" "$EXPLORE_RESULTS/shard-1.out" || fail "the requeued task did not take up its checkpoint (see $EXPLORE_RESULTS/shard-1.out)"
say "requeued task ${array}_1 took up its checkpoint: $(grep -o '[0-9,]* of them done before' "$EXPLORE_RESULTS/shard-1.out" | tail -1)"
# The merge job was cancelled with the killed task (afterok can no longer hold once a task has
# failed, even requeued: --kill-on-invalid-dep): every task is done now, merge again.
merge=$(EXPLORE_ROLE=merge sbatch --parsable --job-name=mmudsl-explore-merge \
  --export=ALL,EXPLORE_ROLE=merge --output="$EXPLORE_RESULTS/merge.out" "$repo/deploy/slurm/explore.sbatch")
wait_jobs "${merge%%;*}"
check_merge "$EXPLORE_RESULTS" "$dir/single-kill.json" "after the kill and requeue ($kill_bounds)"
for i in 0 1 2; do
  say "  shard $i: $(jq -r '"\(.shapesInShard) shapes, \(.states) states, \(.seconds) s"' "$EXPLORE_RESULTS/shards/shard-$i.json")"
done
say "passed"
