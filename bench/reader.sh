#!/usr/bin/env bash
# What syncing a reader app costs on a store of N articles (issue 14). Writes N sample-shaped
# articles (bench/gen_articles.py, 3-5 KB), loads them with `tributary ingest` into a fresh data
# dir, starts the server with a reader account, and times (median of REPS, curl's total time) the
# calls the apps make, with all N unread: the Google Reader list, counts, ids, contents, writes and
# Atom, and Fever's lists, items and marks. Not a test: prints figures and exits 0 unless something
# could not be measured.
#
# Environment (all optional): N=20000  REPS=5  HEAP=512m  OUT=target/bench/reader-<time>
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-20000}
REPS=${REPS:-5}
HEAP=${HEAP:-512m}
OUT=${OUT:-target/bench/reader-$(date +%Y%m%d-%H%M%S)}
log() { echo "[reader] $*" >&2; }
. bench/lib.sh
build_jar_if_stale
mkdir -p "$OUT"
work=$(mktemp -d)
pid=
trap 'stop "$pid"; rm -rf "$work"' EXIT

log "writing $N articles"
python3 bench/gen_articles.py "$work/articles" "$N" 42 3000 5000 >/dev/null
export TRIBUTARY_DATA_DIR=$work/data TRIBUTARY_INBOX_DIR=$work/data/inbox
log "tributary ingest"
java -Xmx"$HEAP" -jar target/tributary.jar ingest "$work/articles" >"$OUT/ingest.txt" 2>&1

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port
user=bench password="bench password"
TRIBUTARY_HTTP_HOST=127.0.0.1 TRIBUTARY_HTTP_PORT=$port TRIBUTARY_HTTP_PUBLICURL=$base \
TRIBUTARY_READER_USERNAME=$user TRIBUTARY_READER_PASSWORD=$password \
  java -Xmx"$HEAP" -jar target/tributary.jar >"$OUT/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 300); do curl -fs "$base/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done

auth=$(curl -fsS "$base/accounts/ClientLogin" --data-urlencode "Email=$user" \
  --data-urlencode "Passwd=$password" | sed -n 's/^Auth=//p')
H="Authorization: GoogleLogin auth=$auth"
T=$(curl -fsS -H "$H" "$base/reader/api/0/token")
key=$(printf '%s:%s' "$user" "$password" | md5sum | cut -d' ' -f1)
ids=$(curl -fsS -H "$H" "$base/reader/api/0/stream/items/ids?s=user/-/state/com.google/reading-list&n=1000" |
  python3 -c 'import json,sys; print("&".join("i="+r["id"] for r in json.load(sys.stdin)["itemRefs"]))')
ids150=$(echo "$ids" | tr '&' '\n' | head -150 | paste -sd'&')

# time WHAT CURL-ARGS…: the median of REPS runs' total time in ms, and the answer's size
time_call() {
  local what=$1; shift
  local times=() size=0
  for _ in $(seq 1 "$REPS"); do
    read -r t s < <(curl -fsS -o /dev/null -w '%{time_total} %{size_download}\n' "$@")
    times+=("$t"); size=$s
  done
  printf '%-58s %8.1f ms %10s bytes\n' "$what" \
    "$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]*1000}')" "$size"
}

{
  echo "reader sync on $N articles, all unread; median of $REPS (curl time_total), -Xmx$HEAP"
  time_call "POST /accounts/ClientLogin (PBKDF2 on a worker)" "$base/accounts/ClientLogin" \
    --data-urlencode "Email=$user" --data-urlencode "Passwd=$password"
  time_call "GET subscription/list" -H "$H" "$base/reader/api/0/subscription/list?output=json"
  time_call "GET tag/list" -H "$H" "$base/reader/api/0/tag/list?output=json"
  time_call "GET unread-count" -H "$H" "$base/reader/api/0/unread-count?output=json"
  time_call "GET stream/items/ids unread n=10000" -H "$H" \
    "$base/reader/api/0/stream/items/ids?s=user/-/state/com.google/reading-list&xt=user/-/state/com.google/read&n=10000"
  time_call "GET stream/items/ids label n=1000" -H "$H" \
    "$base/reader/api/0/stream/items/ids?s=user/-/label/Depression&n=1000"
  time_call "GET stream/contents reading-list n=100" -H "$H" \
    "$base/reader/api/0/stream/contents/user%2F-%2Fstate%2Fcom.google%2Freading-list?n=100"
  time_call "POST stream/items/contents 150 ids" -H "$H" "$base/reader/api/0/stream/items/contents" \
    --data "T=$T&output=json&$ids150"
  time_call "GET /reader/atom/feed/inbox n=50" -H "$H" "$base/reader/atom/feed%2Finbox?n=50"
  time_call "POST edit-tag read 1000 ids (then unread again)" -H "$H" "$base/reader/api/0/edit-tag" \
    --data "T=$T&a=user/-/state/com.google/read&$ids"
  curl -fsS -o /dev/null -H "$H" "$base/reader/api/0/edit-tag" --data "T=$T&r=user/-/state/com.google/read&$ids"
  time_call "POST fever groups+feeds (reads every topic row)" "$base/fever/?api&groups&feeds" --data "api_key=$key"
  time_call "POST fever unread_item_ids (newest 10000)" "$base/fever/?api&unread_item_ids" --data "api_key=$key"
  time_call "POST fever items since_id=0 (50)" "$base/fever/?api&items&since_id=0" --data "api_key=$key"
  REPS=1 time_call "POST mark-all-as-read reading-list (all $N, once)" -H "$H" \
    "$base/reader/api/0/mark-all-as-read" --data "T=$T&s=user/-/state/com.google/reading-list"
  time_call "GET unread-count, none unread" -H "$H" "$base/reader/api/0/unread-count?output=json"
} | tee "$OUT/figures.txt"
log "figures in $OUT/figures.txt"
