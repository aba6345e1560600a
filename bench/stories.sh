#!/usr/bin/env bash
# What story detection costs (issue 13). In one run:
#   (a) POST: N articles (made-up text, 3-5 KB, one in ten a copy of an earlier one from another
#       source: cut short or without a middle paragraph, an attribution line, a word in 30 changed;
#       bench/StoryCost.java generate) posted to /api/articles by CLIENTS concurrent clients, each
#       with its source, to a fresh server with stories.enabled=false, then one with true, ROUNDS
#       times in turn (on a shared machine the load of others moves the figures more than
#       detection does; the rounds show by how much): articles/s with and without detection;
#   (b) cost: bench/StoryCost.java measure — a SQLite store filled with STORED such articles by
#       the store alone (batches of 256), with detection and again without (articles/s), then PROBES
#       more put in batches of 16 alternately through a writer with detection on and one with it
#       off on the same file: the difference per article is detection's cost at STORED stored
#       (the sketch's CPU, the bucket look-up, candidates read and compared, the band rows
#       written and their share of the commit's fsync).
# Not a test: prints figures and exits 0 unless something could not be measured.
#
# FULL=1: the cost at 1,000,000 stored — (b) only, with detection only (filling a second store
# without it would take as long again): STORED=1000000 PROBES=5000. The fill takes a while (hours
# on a loaded 2-core machine) and about 17 GB of disk in the work folder under /tmp.
#
# Environment (all optional):
#   N=10000 articles posted   CLIENTS=16   HEAP=512m   STORED=10000   PROBES=2000   ROUNDS=2
#   ONLY=post,cost            a subset      OUT=target/bench/stories-<time>
# Only ever binds 127.0.0.1. Stops everything it started on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

FULL=${FULL:-0}
HEAP=${HEAP:-512m}
CLIENTS=${CLIENTS:-16}
N=${N:-10000}
ROUNDS=${ROUNDS:-2}
if [ "$FULL" = 1 ]; then
  STORED=${STORED:-1000000}
  PROBES=${PROBES:-5000}
  ONLY=${ONLY:-cost}
else
  STORED=${STORED:-10000}
  PROBES=${PROBES:-2000}
  ONLY=${ONLY:-post,cost}
fi
for v in N CLIENTS STORED PROBES ROUNDS; do
  [[ ${!v} =~ ^[0-9]+$ ]] || { echo "stories.sh: $v must be a whole number" >&2; exit 2; }
done
OUT=${OUT:-$root/target/bench/stories-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
wants() { [[ ",$ONLY," == *",$1,"* ]]; }
log() { echo "== $(date +%H:%M:%S) $*" >&2; }
# shellcheck source=bench/lib.sh
source bench/lib.sh # build_jar_if_stale, stop, heap_after_gc, peak_rss
build_jar_if_stale
work=$(mktemp -d /tmp/tributary-stories.XXXXXX)
pid=""
trap 'stop "$pid"; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
run_jar=$work/tributary.jar # a private copy: a rebuild during the run changes nothing
cp target/tributary.jar "$run_jar"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) processors" | tee "$OUT/summary.txt" >&2

# post ENABLED: posts the articles to a fresh server with stories.enabled=ENABLED; sets $rate
post() {
  local enabled=$1 port base token=bench-stories-token
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  base="http://127.0.0.1:$port"
  TRIBUTARY_HTTP_HOST=127.0.0.1 TRIBUTARY_HTTP_PORT=$port TRIBUTARY_HTTP_PUBLICURL=$base \
    TRIBUTARY_DATA_DIR=$work/post-$enabled TRIBUTARY_INBOX_DIR=$work/post-$enabled/inbox \
    TRIBUTARY_API_TOKEN=$token TRIBUTARY_STORIES_ENABLED=$enabled \
    java -Xmx"$HEAP" -jar "$run_jar" >"$OUT/post-$enabled-server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 300); do curl -fs "$base/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done
  curl -fs "$base/health/ready" >/dev/null || { echo "stories.sh: server not ready after 60 s" >&2; exit 1; }
  python3 bench/post_clients.py "$base" "$token" "$work/articles" "$CLIENTS" >"$OUT/post-$enabled.txt"
  cat "$OUT/post-$enabled.txt" >>"$OUT/post-all.txt"
  local copies
  copies=$(curl -fs "$base/api/timeline?limit=200&stories=all" | python3 -c '
import json, sys
items = json.load(sys.stdin)["items"]
print(sum(1 for a in items if a["storyId"] != a["id"]), "of the newest", len(items))')
  stop "$pid"
  pid=""
  rm -rf "$work/post-$enabled"
  rate="$(awk '/^posted/ { print $6 }' "$OUT/post-$enabled.txt") ($copies are copies of a story)"
}

if wants post; then
  log "(a) generating $N articles"
  java -cp "$run_jar" bench/StoryCost.java generate "$work/articles" "$N"
  echo "(a) POST, $N articles, $CLIENTS clients, -Xmx$HEAP, $ROUNDS rounds:" >>"$OUT/summary.txt"
  for ((round = 1; round <= ROUNDS; round++)); do
    log "(a) round $round: POST with $CLIENTS clients, detection off"
    post false
    echo "    round $round, load $(cut -d' ' -f1 /proc/loadavg): without detection $rate articles/s" | tee -a "$OUT/summary.txt" >&2
    log "(a) round $round: POST with $CLIENTS clients, detection on"
    post true
    echo "    round $round, load $(cut -d' ' -f1 /proc/loadavg): with detection    $rate articles/s" | tee -a "$OUT/summary.txt" >&2
  done
fi

if wants cost; then
  log "(b) cost at $STORED stored, $PROBES probes"
  extra=()
  [ "$FULL" = 1 ] && extra=(on-only)
  java -Xmx"$HEAP" -cp "$run_jar" bench/StoryCost.java measure "$work/cost" "$STORED" "$PROBES" \
    "${extra[@]}" 2>"$OUT/cost.log" | tee "$OUT/cost.txt" >&2
  { echo "(b) store alone:"; grep -v ' INFO ' "$OUT/cost.txt" | sed 's/^/    /'; } >>"$OUT/summary.txt"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/summary.txt" >&2
echo "figures in $OUT/summary.txt" >&2
cat "$OUT/summary.txt"
