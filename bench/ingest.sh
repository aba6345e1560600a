#!/usr/bin/env bash
# Ingest throughput against the bare-insert floor (issue 10). In one run, with N seed-shaped
# articles (bench/gen_articles.py, 3-5 KB, deterministic):
#   (a) floor: the same rows inserted by a bare loop into Tributary's schema, 500 per
#       transaction, WAL, synchronous=FULL (bench/BareInsert.java, run with the jar on the
#       class path);
#   (b) inbox: the N files moved into the inbox of a running server at once, until all are in
#       done/ (bench/burst.sh);
#   (c) POST: the N files posted to /api/articles by 16 concurrent clients
#       (bench/PostClients.java, one thread and keep-alive connection each);
#   (d) cli: `java -jar tributary.jar ingest DIR…` into a fresh data dir, with the time at every
#       STEP files (bench/ingest_progress.py);
# each as articles/s and as a ratio to (a), with peak RSS (VmHWM) and the heap used after a full
# GC, all under -Xmx$HEAP; then
#   restart: Tributary started RESTARTS + 1 times on (d)'s store, each start timed until
#       /health/ready answers 200 and until the corpus statistics are loaded, and a probe
#       article tagged before and right after each restart (bench/restarts.py).
# Not a test: prints figures and exits 0 unless something could not be measured.
#
# FULL=1: the issue's million. FULL_N (1000000) articles, generated once in chunks of STEP
# (100000) under target/bench/articles-<FULL_N>-<STEP>/ and reused by later runs; (d) loads them
# all in one `tributary ingest` run and reports the rate of each STEP (first against last);
# (a) runs on the first chunk; then the restarts. Default ONLY there: floor,cli,restart.
#
# STORE=postgres PG_URI=postgresql://postgres@127.0.0.1:5432/postgres runs the same three on
# PostgreSQL: (a) becomes bench/BarePostgresInsert.java (the same rows, one multi-row insert of
# unnested arrays per 500 articles, into Tributary's PostgreSQL schema), and (b) and (c) run the
# server with store.kind=postgres. Each phase gets its own database on PG_URI's server, created
# here and dropped on exit (psql is needed).
#
# Environment (all optional):
#   N=20000    articles        HEAP=512m   -Xmx of every JVM     CLIENTS=16   POST clients
#   JAVA_OPTS= extra JVM options of the (b) and (c) servers (e.g. -XX:StartFlightRecording=...)
#   WARMUP=0   (b) and (c) first ingest this many other articles, untimed, so that they measure
#              a server whose hot code the JIT has compiled (0: a cold server, as before)
#   ONLY=floor,inbox,post,cli,restart      a subset (restart needs cli)
#   STEP=      files between two rate marks of (d) (default N/5, FULL: 100000)
#   RESTARTS=3 restarts after the first start on (d)'s store
#   CDS=1      the restarts use a class data sharing archive made for the jar (bin/class-archive.sh)
#   SAMPLE=5   seconds between heap samples of (d) (a full GC each; FULL: 30)
#   OUT=target/bench/ingest-<time>
#   TRIBUTARY_* variables pass through to the servers and the CLI (e.g. TRIBUTARY_API_MAXINFLIGHT=64,
#   TRIBUTARY_STORE_BATCH_MAXARTICLES=1); MAX_IN_FLIGHT sets inbox.maxInFlight as in burst.sh.
# Only ever binds 127.0.0.1. Stops everything it started on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

FULL=${FULL:-0}
HEAP=${HEAP:-512m}
CLIENTS=${CLIENTS:-16}
WARMUP=${WARMUP:-0}
JAVA_OPTS=${JAVA_OPTS:-} # extra options of the (b) and (c) servers, e.g. a JFR recording
RESTARTS=${RESTARTS:-3}
if [ "$FULL" = 1 ]; then
  N=${FULL_N:-1000000}
  STEP=${STEP:-100000}
  SAMPLE=${SAMPLE:-30}
  ONLY=${ONLY:-floor,cli,restart}
else
  N=${N:-20000}
  STEP=${STEP:-$(((N + 4) / 5))}
  SAMPLE=${SAMPLE:-5}
  ONLY=${ONLY:-floor,inbox,post,cli,restart}
fi
for v in N STEP SAMPLE RESTARTS; do
  [[ ${!v} =~ ^[0-9]+$ ]] || { echo "ingest.sh: $v must be a whole number" >&2; exit 2; }
done
OUT=${OUT:-$root/target/bench/ingest-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
wants() { [[ ",$ONLY," == *",$1,"* ]]; }
log() { echo "== $(date +%H:%M:%S) $*" >&2; }
# shellcheck source=bench/lib.sh
source bench/lib.sh # build_jar_if_stale, stop, heap_after_gc, peak_rss
command -v jcmd >/dev/null || { echo "ingest.sh: jcmd (from the JDK) is needed" >&2; exit 1; }
build_jar_if_stale
work=$(mktemp -d /tmp/tributary-ingest.XXXXXX)
pid=""
sampler=""
cli_pid="" # the java under /usr/bin/time, which a TERM to time would orphan
STORE=${STORE:-sqlite}
# pg_db PHASE: a fresh database for one phase; prints its URI. Called in $(…), a subshell, so
# drop_pg_dbs finds the databases by their name (this script's pid), not by a variable.
pg_db() {
  local name
  name="tributary_bench_$1_$$"
  psql "$PG_URI" -qc "CREATE DATABASE $name" >&2
  python3 -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path="/" + sys.argv[2])))' "$PG_URI" "$name"
}
drop_pg_dbs() {
  [ "$STORE" = postgres ] || return 0
  for db in $(psql "$PG_URI" -Atc "SELECT datname FROM pg_database WHERE datname LIKE 'tributary_bench_%_$$'"); do
    psql "$PG_URI" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >&2 || true
  done
}
# store_env PHASE: the variables that put a server or the CLI on this phase's store (none for
# SQLite, whose store is the data dir each phase sets), in the array store_vars.
store_env() {
  store_vars=()
  [ "$STORE" = postgres ] || return 0
  store_vars=(TRIBUTARY_STORE_KIND=postgres "TRIBUTARY_STORE_POSTGRES_URI=$(pg_db "$1")")
}
case $STORE in
  sqlite) ;;
  postgres)
    [ -n "${PG_URI:-}" ] || { echo "ingest.sh: STORE=postgres needs PG_URI" >&2; exit 1; }
    command -v psql >/dev/null || { echo "ingest.sh: STORE=postgres needs psql" >&2; exit 1; }
    ;;
  *) echo "ingest.sh: STORE is sqlite or postgres" >&2; exit 2 ;;
esac
trap 'stop "$sampler"; stop "$cli_pid"; stop "$pid"; drop_pg_dbs; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
run_jar=$work/tributary.jar # a private copy: a rebuild during the run changes nothing
cp target/tributary.jar "$run_jar"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# --- articles: in $work for a normal run; for FULL=1 in cached chunks of STEP under target/ ---
if [ "$FULL" = 1 ]; then
  cache=$root/target/bench/articles-$N-$STEP
  dirs=()
  for ((i = 0; i * STEP < N; i++)); do
    chunk=$cache/chunk-$(printf '%03d' "$i")
    count=$((N - i * STEP < STEP ? N - i * STEP : STEP))
    if [ ! -e "$chunk.done" ]; then
      log "generating articles $((i * STEP + 1))-$((i * STEP + count)) of $N into $chunk"
      rm -rf "$chunk"
      t0=$(date +%s.%N)
      python3 bench/gen_articles.py "$chunk" "$count" "$((42 + i))" 3000 5000 "$((i * STEP))"
      t1=$(date +%s.%N)
      awk -v a="$t1" -v b="$t0" -v n="$count" 'BEGIN { printf "%d articles in %.1f s, %.0f/s\n", n, a - b, n / (a - b) }' \
        | tee -a "$OUT/generate.txt" >&2
      touch "$chunk.done"
    fi
    dirs+=("$chunk")
  done
  du -sh "$cache" | tee -a "$OUT/generate.txt" >&2
  articles=${dirs[0]} # (a), (b), (c) take one folder: the first chunk
else
  log "generating $N articles of 3-5 KB"
  python3 bench/gen_articles.py "$work/articles" "$N" 42 3000 5000
  dirs=("$work/articles")
  articles=$work/articles
fi
n_floor=$(find "$articles" -maxdepth 1 -type f | wc -l)

floor=""
if wants floor; then
  log "(a) bare-insert floor ($STORE), $n_floor articles"
  if [ "$STORE" = postgres ]; then
    floor_program=bench/BarePostgresInsert.java floor_target=$(pg_db floor)
  else
    floor_program=bench/BareInsert.java floor_target=$work/floor
  fi
  /usr/bin/time -f '%M' -o "$OUT/floor.rss" \
    java -Xmx"$HEAP" -cp "$run_jar" "$floor_program" "$articles" "$floor_target" 500 \
    2>"$OUT/floor.log" | tee "$OUT/floor.txt" >&2
  floor=$(awk '/^rows/ { print $6 }' "$OUT/floor.txt")
  floor_rss="$(awk '{ printf "%.0f", $1 / 1024 }' "$OUT/floor.rss") MB"
  rm -rf "$work/floor"
fi

inbox=""
if wants inbox; then
  log "(b) inbox, through bench/burst.sh ($STORE)"
  store_env inbox
  env "${store_vars[@]}" N="$n_floor" HEAP="$HEAP" WARMUP="$WARMUP" OUT="$OUT/burst" bench/burst.sh >&2
  inbox=$(sed -n 's/.*s; \([0-9]*\) articles\/s$/\1/p' "$OUT/burst/table.txt")
  inbox_heap=$(sed -n 's/^heap used after full GC (MB): //p' "$OUT/burst/table.txt")
  inbox_rss=$(sed -n 's/^peak RSS (VmHWM): //p' "$OUT/burst/table.txt")
fi

post=""
if wants post; then
  log "(c) POST with $CLIENTS clients"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  base="http://127.0.0.1:$port"
  token=bench-ingest-token
  store_env post
  env "${store_vars[@]}" TRIBUTARY_HTTP_HOST=127.0.0.1 TRIBUTARY_HTTP_PORT=$port TRIBUTARY_HTTP_PUBLICURL=$base \
    TRIBUTARY_DATA_DIR=$work/post TRIBUTARY_INBOX_DIR=$work/post/inbox TRIBUTARY_API_TOKEN=$token \
    java -Xmx"$HEAP" $PRODUCT_OPTS $JAVA_OPTS -jar "$run_jar" >"$OUT/post-server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 300); do curl -fs "$base/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done
  curl -fs "$base/health/ready" >/dev/null || { echo "ingest.sh: server not ready after 60 s" >&2; exit 1; }
  if [ "$WARMUP" -gt 0 ]; then
    log "warm-up: posting $WARMUP other articles, untimed"
    python3 bench/gen_articles.py "$work/post-warmup" "$WARMUP" 7 3000 5000
    java bench/PostClients.java "$base" "$token" "$work/post-warmup" "$CLIENTS" >"$OUT/post-warmup.txt"
    rm -rf "$work/post-warmup"
  fi
  cpu0=$(cpu_seconds "$pid")
  sys0=$(sys_seconds "$pid")
  jit0=$(jit_seconds "$pid")
  java bench/PostClients.java "$base" "$token" "$articles" "$CLIENTS" | tee "$OUT/post.txt" >&2
  cpu1=$(cpu_seconds "$pid")
  sys1=$(sys_seconds "$pid")
  jit1=$(jit_seconds "$pid")
  awk -v c0="$cpu0" -v c1="$cpu1" -v s0="$sys0" -v s1="$sys1" -v j0="$jit0" -v j1="$jit1" -v n="$n_floor" 'BEGIN { printf "server CPU while posting: %.1f s (%.2f ms per article, of which the kernel %.2f and the JIT compiler threads %.2f)\n", c1 - c0, 1000 * (c1 - c0) / n, 1000 * (s1 - s0) / n, 1000 * (j1 - j0) / n }' | tee -a "$OUT/post.txt" >&2
  post=$(awk '/^posted/ { print $6 }' "$OUT/post.txt")
  post_heap="$(heap_after_gc "$pid") MB"
  post_rss=$(peak_rss "$pid")
  curl -fsS "$base/metrics" -o "$OUT/post-metrics.txt" || true
  stop "$pid"
  pid=""
  rm -rf "$work/post"
fi

cli=""
if wants cli; then
  log "(d) tributary ingest, $N articles in ${#dirs[@]} folder(s), a mark every $STEP"
  mkfifo "$work/cli.fifo"
  python3 bench/ingest_progress.py "$STEP" "$OUT/cli-marks.txt" <"$work/cli.fifo" >"$OUT/cli.txt" &
  progress=$!
  store_env cli
  cli_vars=("${store_vars[@]}") # the restarts below start on this same store
  env "${cli_vars[@]}" TRIBUTARY_DATA_DIR="$work/cli" TRIBUTARY_INBOX_DIR="$work/cli/inbox" \
    /usr/bin/time -f '%e %M' -o "$OUT/cli.time" \
    java -Xmx"$HEAP" $PRODUCT_OPTS -jar "$run_jar" ingest "${dirs[@]}" >"$work/cli.fifo" 2>"$OUT/cli.err" &
  timer=$!
  for _ in $(seq 1 100); do cli_pid=$(pgrep -P "$timer" java || true); [ -n "$cli_pid" ] && break; sleep 0.1; done
  (
    while [ -n "$cli_pid" ] && kill -0 "$cli_pid" 2>/dev/null; do
      sleep "$SAMPLE"
      h=$(heap_after_gc "$cli_pid")
      [ -n "$h" ] && echo "$h"
    done
  ) >"$OUT/cli-heap.txt" 2>/dev/null &
  sampler=$!
  cli_rc=0
  wait "$timer" || cli_rc=$?
  wait "$progress" || true
  stop "$sampler"
  sampler=""
  [ "$cli_rc" = 0 ] || log "tributary ingest exited with $cli_rc (see $OUT/cli.txt, $OUT/cli.err)"
  read -r cli_secs cli_kb <"$OUT/cli.time"
  cli=$(awk -v n="$N" -v s="$cli_secs" 'BEGIN { printf "%.0f", n / s }')
  cli_rss="$(awk -v k="$cli_kb" 'BEGIN { printf "%.0f", k / 1024 }') MB"
  cli_heap="max $(sort -g "$OUT/cli-heap.txt" | tail -1) MB over $(wc -l <"$OUT/cli-heap.txt") samples, last $(tail -1 "$OUT/cli-heap.txt") MB"
  # the rate of each STEP, from the marks ("K SECONDS")
  awk 'NR > 1 { printf "%d-%d: %.1f s, %.0f articles/s\n", k + 1, $1, $2 - t, ($1 - k) / ($2 - t) } { k = $1; t = $2 }' \
    "$OUT/cli-marks.txt" >"$OUT/cli-steps.txt"
  if [ "$STORE" = postgres ]; then
    psql "${cli_vars[1]#*=}" -Atc "SELECT 'store on disk: ' || pg_size_pretty(pg_database_size(current_database()))" \
      >>"$OUT/cli-steps.txt"
  else
    du -sh "$work/cli" | awk '{ print "store on disk: " $1 }' >>"$OUT/cli-steps.txt"
  fi
fi

if wants restart && [ -n "$cli" ]; then # (d) filled its store
  restart_opts=""
  if [ "${CDS:-0}" = 1 ]; then
    log "class data sharing archive for the restarts (bin/class-archive.sh)"
    bin/class-archive.sh "$run_jar" "$work/tributary.jsa" -Xmx"$HEAP" >&2
    restart_opts="-XX:SharedArchiveFile=$work/tributary.jsa"
  fi
  log "restarts on the store of (d): 1 + $RESTARTS starts${restart_opts:+ with $restart_opts}"
  env "${cli_vars[@]}" JAVA_OPTS="$restart_opts" python3 bench/restarts.py "$run_jar" "$work/cli" "$HEAP" "$RESTARTS" "$OUT" >&2
fi

ratio() { [ -n "$1" ] && [ -n "$floor" ] && awk -v a="$1" -v f="$floor" 'BEGIN { printf "%.2f", a / f }' || echo "-"; }
{
  echo "Tributary $(git describe --always --dirty 2>/dev/null || echo '?'), store $STORE, $(nproc) cores, N=$N, -Xmx$HEAP, load before $load_before, after $(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-30s %10s %6s  %-10s %s\n' "" "articles/s" "ratio" "peak RSS" "heap after full GC"
  printf '%-30s %10s %6s  %-10s %s\n' "(a) bare-insert floor, $n_floor" "${floor:--}" "1.00" "${floor_rss:-}" ""
  printf '%-30s %10s %6s  %-10s %s\n' "(b) inbox, all in done/" "${inbox:--}" "$(ratio "$inbox")" "${inbox_rss:-}" "${inbox_heap:-}"
  printf '%-30s %10s %6s  %-10s %s\n' "(c) POST, $CLIENTS clients" "${post:--}" "$(ratio "$post")" "${post_rss:-}" "${post_heap:-}"
  printf '%-30s %10s %6s  %-10s %s\n' "(d) tributary ingest, $N" "${cli:--}" "$(ratio "$cli")" "${cli_rss:-}" "${cli_heap:-}"
  [ -f "$OUT/post.txt" ] && echo "POST: $(cat "$OUT/post.txt")"
  [ -f "$OUT/post-metrics.txt" ] && grep -E '^tributary_store_batch_articles_(count|sum)' "$OUT/post-metrics.txt" || true
  if [ -f "$OUT/cli-steps.txt" ]; then
    echo "(d) $(grep '^ingested' "$OUT/cli.txt" || echo 'no summary line'), ${cli_secs:-?} s wall (JVM start included); per $STEP:"
    sed 's/^/  /' "$OUT/cli-steps.txt"
    awk 'NR == 1 { f = $NF } { l = $NF } END { if (NR > 1) printf "  last/first: %.2f\n", l / f }' \
      <(grep 'articles/s' "$OUT/cli-steps.txt" | sed 's/ articles\/s//')
  fi
  if [ -f "$OUT/restarts.txt" ]; then
    echo "restarts on (d)'s store${restart_opts:+, class data sharing archive} (s from process start; the first start counts what the CLI stored):"
    python3 - "$OUT/restarts.txt" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    r = json.loads(line)
    probe = ("control (before, v0 vs v1): " + r["control"]) if r["start"] == 0 else \
        "probe right after ready vs before: %s; explain of v0: %s" % (r["probe"], r["explain"])
    print("  start %d: ready %.2f s, corpus loaded %.2f s (%d articles, %d stems, %d counted from the store); "
          "peak RSS %.0f MB, heap %.1f MB; %s" % (r["start"], r["ready_s"], r["corpus_s"], r["documents"],
          r["stems"], r["counted_above_watermark"], r["peak_rss_mb"] or 0, r["heap_mb"] or 0, probe))
PY
  fi
} | tee "$OUT/table.txt"
