#!/usr/bin/env bash
# Ingest throughput against the bare-insert floor (issue 10). In one run, with N seed-shaped
# articles (bench/gen_articles.py, 3-5 KB, deterministic):
#   (a) floor: the same rows inserted by a bare loop into Tributary's schema, 500 per
#       transaction, WAL, synchronous=FULL (bench/BareInsert.java, run with the jar on the
#       class path);
#   (b) inbox: the N files moved into the inbox of a running server at once, until all are in
#       done/ (bench/burst.sh);
#   (c) POST: the N files posted to /api/articles by 16 concurrent clients
#       (bench/post_clients.py);
# each as articles/s and as a ratio to (a), with the heap used after a full GC, all under
# -Xmx$HEAP. Not a test: prints figures and exits 0 unless something could not be measured.
#
# STORE=postgres PG_URI=postgresql://postgres@127.0.0.1:5432/postgres runs the same three on
# PostgreSQL: (a) becomes bench/BarePostgresInsert.java (the same rows, one multi-row insert of
# unnested arrays per 500 articles, into Tributary's PostgreSQL schema), and (b) and (c) run the
# server with store.kind=postgres. Each phase gets its own database on PG_URI's server, created
# here and dropped on exit (psql is needed).
#
# Environment (all optional):
#   N=20000    articles        HEAP=512m   -Xmx of the servers     CLIENTS=16   POST clients
#   ONLY=floor,inbox,post      a subset    OUT=target/bench/ingest-<time>
#   TRIBUTARY_* variables pass through to the servers (e.g. TRIBUTARY_API_MAXINFLIGHT=64,
#   TRIBUTARY_STORE_BATCH_MAXARTICLES=1); MAX_IN_FLIGHT sets inbox.maxInFlight as in burst.sh.
# Only ever binds 127.0.0.1. Stops everything it started on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

N=${N:-20000}
HEAP=${HEAP:-512m}
CLIENTS=${CLIENTS:-16}
ONLY=${ONLY:-floor,inbox,post}
OUT=${OUT:-$root/target/bench/ingest-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
wants() { [[ ",$ONLY," == *",$1,"* ]]; }
log() { echo "== $*" >&2; }
# shellcheck source=bench/lib.sh
source bench/lib.sh # build_jar_if_stale, stop, heap_after_gc
command -v jcmd >/dev/null || { echo "ingest.sh: jcmd (from the JDK) is needed" >&2; exit 1; }
build_jar_if_stale
work=$(mktemp -d /tmp/tributary-ingest.XXXXXX)
pid=""
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
if [ "$STORE" = postgres ]; then
  [ -n "${PG_URI:-}" ] || { echo "ingest.sh: STORE=postgres needs PG_URI" >&2; exit 1; }
  command -v psql >/dev/null || { echo "ingest.sh: STORE=postgres needs psql" >&2; exit 1; }
fi
trap 'stop "$pid"; drop_pg_dbs; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
run_jar=$work/tributary.jar # a private copy: a rebuild during the run changes nothing
cp target/tributary.jar "$run_jar"

log "generating $N articles of 3-5 KB"
python3 bench/gen_articles.py "$work/articles" "$N" 42 3000 5000

floor=""
if wants floor; then
  log "(a) bare-insert floor ($STORE)"
  if [ "$STORE" = postgres ]; then
    floor_db=$(pg_db floor)
    java -Xmx"$HEAP" -cp "$run_jar" bench/BarePostgresInsert.java "$work/articles" "$floor_db" 500 \
      2>"$OUT/floor.log" | tee "$OUT/floor.txt" >&2
  else
    java -Xmx"$HEAP" -cp "$run_jar" bench/BareInsert.java "$work/articles" "$work/floor" 500 \
      2>"$OUT/floor.log" | tee "$OUT/floor.txt" >&2
  fi
  floor=$(awk '/^rows/ { print $6 }' "$OUT/floor.txt")
  rm -rf "$work/floor"
fi

inbox=""
if wants inbox; then
  log "(b) inbox, through bench/burst.sh ($STORE)"
  if [ "$STORE" = postgres ]; then
    inbox_db=$(pg_db inbox)
    TRIBUTARY_STORE_KIND=postgres TRIBUTARY_STORE_POSTGRES_URI=$inbox_db \
      N=$N HEAP=$HEAP OUT=$OUT/burst bench/burst.sh >&2
  else
    N=$N HEAP=$HEAP OUT=$OUT/burst bench/burst.sh >&2
  fi
  inbox=$(sed -n 's/.*s; \([0-9]*\) articles\/s$/\1/p' "$OUT/burst/table.txt")
  inbox_heap=$(sed -n 's/^heap used after full GC (MB): //p' "$OUT/burst/table.txt")
fi

post=""
if wants post; then
  log "(c) POST with $CLIENTS clients"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  base="http://127.0.0.1:$port"
  token=bench-ingest-token
  if [ "$STORE" = postgres ]; then
    export TRIBUTARY_STORE_KIND=postgres TRIBUTARY_STORE_POSTGRES_URI
    TRIBUTARY_STORE_POSTGRES_URI=$(pg_db post)
  fi
  TRIBUTARY_HTTP_HOST=127.0.0.1 TRIBUTARY_HTTP_PORT=$port TRIBUTARY_HTTP_PUBLICURL=$base \
    TRIBUTARY_DATA_DIR=$work/post TRIBUTARY_INBOX_DIR=$work/post/inbox TRIBUTARY_API_TOKEN=$token \
    java -Xmx"$HEAP" -jar "$run_jar" >"$OUT/post-server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 300); do curl -fs "$base/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done
  curl -fs "$base/health/ready" >/dev/null || { echo "ingest.sh: server not ready after 60 s" >&2; exit 1; }
  python3 bench/post_clients.py "$base" "$token" "$work/articles" "$CLIENTS" | tee "$OUT/post.txt" >&2
  post=$(awk '/^posted/ { print $6 }' "$OUT/post.txt")
  post_heap="$(heap_after_gc "$pid") MB"
  curl -fsS "$base/metrics" -o "$OUT/post-metrics.txt" || true
  stop "$pid"
fi

ratio() { [ -n "$1" ] && [ -n "$floor" ] && awk -v a="$1" -v f="$floor" 'BEGIN { printf "%.2f", a / f }' || echo "-"; }
{
  echo "Tributary $(git describe --always --dirty 2>/dev/null || echo '?'), store $STORE, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), N=$N, -Xmx$HEAP"
  printf '%-34s %12s %8s  %s\n' "" "articles/s" "ratio" "heap after full GC"
  printf '%-34s %12s %8s  %s\n' "(a) bare-insert floor" "${floor:--}" "1.00" ""
  printf '%-34s %12s %8s  %s\n' "(b) inbox, all in done/" "${inbox:--}" "$(ratio "$inbox")" "${inbox_heap:-}"
  printf '%-34s %12s %8s  %s\n' "(c) POST, $CLIENTS clients" "${post:--}" "$(ratio "$post")" "${post_heap:-}"
  [ -f "$OUT/post.txt" ] && echo "POST: $(cat "$OUT/post.txt")"
  [ -f "$OUT/post-metrics.txt" ] && grep -E '^tributary_store_batch_articles_(count|sum)' "$OUT/post-metrics.txt" || true
} | tee "$OUT/table.txt"
