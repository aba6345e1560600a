#!/usr/bin/env bash
# A burst into the inbox (issue 9): N articles shaped like the samples (3-5 KB plain text,
# bench/gen_articles.py) moved into the inbox of a running Tributary at once, under -Xmx512m.
# Reports the time until every file is in done/, articles/s, files in failed/, the heap used
# after a full GC (jcmd GC.run + GC.heap_info) sampled during the run: start, max, end, and the
# server's peak RSS (VmHWM).
# Not a test: it prints figures and exits 0 unless something could not be measured.
#
# Environment (all optional):
#   N=20000           articles dropped at once
#   HEAP=512m         -Xmx of the server
#   SAMPLE=5          seconds between heap samples
#   TIMEOUT=1800      give up after this many seconds of burst
#   STALL=180         give up when done/ + failed/ has not grown for this many seconds
#   WARMUP=0          articles (other texts: another seed) moved in and filed away first, not
#                     timed: the JIT compiles the hot code then, so the burst measures the
#                     steady state of a server that has been running (0: a cold server)
#   MAX_IN_FLIGHT=    inbox.maxInFlight (unset: the server's default, two per processor, >= 4)
#   JAVA_OPTS=        extra JVM options for the server (e.g. a JFR recording)
#   OUT=target/bench/burst-<time>   table, heap samples, progress, server log
# Only ever binds 127.0.0.1. Stops everything it started on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

N=${N:-20000}
HEAP=${HEAP:-512m}
SAMPLE=${SAMPLE:-5}
TIMEOUT=${TIMEOUT:-1800}
STALL=${STALL:-180}
MAX_IN_FLIGHT=${MAX_IN_FLIGHT:-}
WARMUP=${WARMUP:-0}
[[ $WARMUP =~ ^[0-9]+$ ]] || { echo "burst.sh: WARMUP must be a whole number" >&2; exit 2; }
JAVA_OPTS=${JAVA_OPTS:-}
for v in N SAMPLE TIMEOUT STALL; do
  [[ ${!v} =~ ^[0-9]+$ && ${!v} -gt 0 ]] || { echo "burst.sh: $v must be a positive whole number" >&2; exit 2; }
done
OUT=${OUT:-$root/target/bench/burst-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"

log() { echo "== $*" >&2; }
die() { echo "burst.sh: $*" >&2; exit 1; }
command -v curl >/dev/null || die "curl is needed"
command -v python3 >/dev/null || die "python3 is needed (article generator, spare port)"
command -v jcmd >/dev/null || die "jcmd (from the JDK) is needed for the heap samples"

# shellcheck source=bench/lib.sh
source bench/lib.sh
jar=target/tributary.jar
build_jar_if_stale

# --- temp dir, spare port, cleanup ----------------------------------------------------------
work=$(mktemp -d /tmp/tributary-burst.XXXXXX)
tributary_pid=""
sampler_pid=""
cleanup() {
  stop "$sampler_pid"
  stop "$tributary_pid"
  [ -f "$work/tributary.log" ] && cp "$work/tributary.log" "$OUT/" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
run_jar=$work/tributary-burst.jar   # a private copy: a rebuild during the run changes nothing
cp "$jar" "$run_jar"
inbox=$work/data/inbox
export TRIBUTARY_HTTP_HOST=127.0.0.1 TRIBUTARY_HTTP_PORT=$port TRIBUTARY_HTTP_PUBLICURL=$base \
  TRIBUTARY_DATA_DIR=$work/data TRIBUTARY_INBOX_DIR=$inbox
[ -n "$MAX_IN_FLIGHT" ] && export TRIBUTARY_INBOX_MAXINFLIGHT=$MAX_IN_FLIGHT

# --- articles: generated beside the inbox (same file system), moved in at once later --------
log "generating $N articles of 3-5 KB"
python3 bench/gen_articles.py "$work/staging" "$N" 42 3000 5000
 [ "$WARMUP" -gt 0 ] && python3 bench/gen_articles.py "$work/warmup" "$WARMUP" 7 3000 5000
du -sk "$work/staging" | awk '{print "articles on disk: " $1 " KB"}' >&2

# --- Tributary --------------------------------------------------------------------------------
log "starting Tributary on $base with -Xmx$HEAP"
# shellcheck disable=SC2086
java -Xmx"$HEAP" $PRODUCT_OPTS $JAVA_OPTS -jar "$run_jar" >"$work/tributary.log" 2>&1 &
tributary_pid=$!
for _ in $(seq 1 150); do
  curl -fs "$base/health/ready" >/dev/null 2>&1 && break
  kill -0 "$tributary_pid" 2>/dev/null || { tail -20 "$work/tributary.log" >&2; die "Tributary exited"; }
  sleep 0.2
done
curl -fs "$base/health/ready" >/dev/null || die "Tributary not ready after 30 s"

now() { date +%s.%N; }
count() { { find "$1" -maxdepth 1 -type f ! -name '*.error.txt' 2>/dev/null || true; } | wc -l; }
heap0=$(heap_after_gc "$tributary_pid")
log "heap used after GC before the burst: $heap0 MB"

# --- the warm-up: other texts, filed away before the clock starts ------------------------------
if [ "$WARMUP" -gt 0 ]; then
  log "warm-up: moving $WARMUP other files into the inbox, waiting until they are filed away"
  find "$work/warmup" -maxdepth 1 -type f -exec mv -t "$inbox" {} + 2>/dev/null || true
  for _ in $(seq 1 "$TIMEOUT"); do
    [ $(($(count "$inbox/done") + $(count "$inbox/failed"))) -ge "$WARMUP" ] && break
    kill -0 "$tributary_pid" 2>/dev/null || die "Tributary exited during the warm-up"
    sleep 1
  done
  [ $(($(count "$inbox/done") + $(count "$inbox/failed"))) -ge "$WARMUP" ] || die "warm-up not done in ${TIMEOUT}s"
  mkdir -p "$work/warm-done" && find "$inbox/done" "$inbox/failed" -maxdepth 1 -type f -exec mv -t "$work/warm-done" {} + 2>/dev/null || true
  heap0=$(heap_after_gc "$tributary_pid")
fi

# --- the burst ---------------------------------------------------------------------------------
log "moving $N files into the inbox at once"
cpu0=$(cpu_seconds "$tributary_pid")
jit0=$(jit_seconds "$tributary_pid")
t0=$(now)
# GNU mv may complain about a file the server already took from the inbox while mv was still
# working (seen with a warm server): what counts is that nothing is left behind
find "$work/staging" -maxdepth 1 -type f -exec mv -t "$inbox" {} + 2>"$OUT/mv.err" || true
[ "$(count "$work/staging")" -eq 0 ] || die "files left in staging: $(head -3 "$OUT/mv.err")"
t_moved=$(now)
(
  while kill -0 "$tributary_pid" 2>/dev/null; do
    echo "$(now) $(heap_after_gc "$tributary_pid")"
    sleep "$SAMPLE"
  done
) >"$OUT/heap.txt" &
sampler_pid=$!

: >"$OUT/progress.txt"
last_total=-1
last_change=$(now)
outcome="finished"
while :; do
  d=$(count "$inbox/done")
  f=$(count "$inbox/failed")
  t=$(now)
  echo "$t $d $f" >>"$OUT/progress.txt"
  [ $((d + f)) -ge "$N" ] && break
  if [ $((d + f)) -ne "$last_total" ]; then last_total=$((d + f)); last_change=$t; fi
  kill -0 "$tributary_pid" 2>/dev/null || { outcome="Tributary exited"; break; }
  awk -v a="$t" -v b="$t0" -v m="$TIMEOUT" 'BEGIN { exit !(a - b > m) }' && { outcome="timed out after ${TIMEOUT}s"; break; }
  awk -v a="$t" -v b="$last_change" -v m="$STALL" 'BEGIN { exit !(a - b > m) }' && { outcome="stalled: nothing filed away for ${STALL}s"; break; }
  sleep 1
done
t1=$(now)
cpu1=$(cpu_seconds "$tributary_pid")
jit1=$(jit_seconds "$tributary_pid")
stop "$sampler_pid"
sampler_pid=""
heap_end=$(heap_after_gc "$tributary_pid")
rss_peak=$(peak_rss "$tributary_pid")
echo "$t1 $heap_end" >>"$OUT/heap.txt"
done_n=$(count "$inbox/done")
failed_n=$(count "$inbox/failed")
left_n=$(count "$inbox")
metrics=$(curl -fsS "$base/metrics" || true)
echo "$metrics" >"$OUT/metrics.txt"
stored=$(awk '/^tributary_articles_ingested_total\{input="inbox"/ { printf "%d", $2 }' <<<"$metrics")
dups=$(awk '/^tributary_articles_duplicates_total\{input="inbox"/ { printf "%d", $2 }' <<<"$metrics")
retries=$(grep -c "not ingested yet, will retry" "$work/tributary.log" || true)
blocked=$(grep -c "BlockedThreadChecker" "$work/tributary.log" || true)

{
  echo "Tributary $(git describe --always --dirty 2>/dev/null || echo '?'), $(nproc) cores, -Xmx$HEAP, inbox.maxInFlight ${MAX_IN_FLIGHT:-default}, warm-up $WARMUP articles"
  echo "burst: $N files of 3-5 KB moved into the inbox at once (mv took $(awk -v a="$t_moved" -v b="$t0" 'BEGIN { printf "%.1f", a - b }') s)"
  echo "outcome: $outcome"
  awk -v a="$t1" -v b="$t0" -v n="$done_n" 'BEGIN { printf "time until all in done/: %.1f s; %.0f articles/s\n", a - b, n / (a - b) }'
  awk -v c0="$cpu0" -v c1="$cpu1" -v j0="$jit0" -v j1="$jit1" -v n="$done_n" -v a="$t1" -v b="$t0" 'BEGIN { printf "server CPU during the burst: %.1f s (%.2f ms per article, of which the JIT compiler threads %.2f; %.2f cores on average)\n", c1 - c0, 1000 * (c1 - c0) / n, 1000 * (j1 - j0) / n, (c1 - c0) / (a - b) }'
  echo "in done/: $done_n, in failed/: $failed_n, left in the inbox: $left_n"
  echo "stored (tributary_articles_ingested_total{input=\"inbox\"}, warm-up included): ${stored:-?}, duplicates: ${dups:-?}, retries logged: $retries, blocked-thread warnings: $blocked"
  awk -v h0="$heap0" -v hend="$heap_end" '
    NF == 2 && $2 != "" { n++; if ($2 + 0 > max) max = $2 + 0 }
    END { printf "heap used after full GC (MB): start %s, max %.1f over %d samples, end %s\n", h0, max, n, hend }' "$OUT/heap.txt"
  echo "peak RSS (VmHWM): ${rss_peak:-?}"
} | tee "$OUT/table.txt"
