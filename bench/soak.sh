#!/usr/bin/env bash
# Soak: wrk reads /feed.atom and /api/timeline while a generator posts articles and drops inbox
# files, for DURATION (first argument, seconds or with an m suffix; default 10m). Then it waits
# for the pipeline to settle and reports: 5xx answers (readers and writers), lost articles (posts
# acknowledged with 201/200 vs articles the store took from the API; inbox files dropped vs files
# in done/ and failed/ vs articles it took from the inbox), heap after a full GC and open file
# descriptors at the start and at the end.
# Not a test: it prints figures, and exits 1 only when something was lost or answered 5xx.
#
#   bench/soak.sh            # 10 minutes
#   bench/soak.sh 60         # one minute
# Environment (optional): POSTS_PER_S=5, FILES_PER_S=2, CONNECTIONS=8 (per wrk),
#   JAVA_OPTS=-Xmx512m, JAR=target/tributary.jar, OUT=target/bench/soak-<time>
# Only ever binds and targets 127.0.0.1. Stops everything it started on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

arg=${1:-10m}
case $arg in
  *m) DURATION=$(( ${arg%m} * 60 )) ;;
  *s) DURATION=${arg%s} ;;
  *) DURATION=$arg ;;
esac
[[ $DURATION =~ ^[0-9]+$ && $DURATION -ge 5 ]] || { echo "soak.sh: duration '$arg'?" >&2; exit 2; }
POSTS_PER_S=${POSTS_PER_S:-5}
FILES_PER_S=${FILES_PER_S:-2}
CONNECTIONS=${CONNECTIONS:-8}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
OUT=${OUT:-$root/target/bench/soak-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
log() { echo "== $(date +%T) $*" >&2; }

if ! command -v wrk >/dev/null; then
  log "installing wrk"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
fi
for t in curl python3 jcmd wrk; do command -v $t >/dev/null || { echo "soak.sh: $t is needed" >&2; exit 2; }; done
JAR=${JAR:-target/tributary.jar}
[ -f "$JAR" ] || ./mvnw -q -B package -DskipTests

work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -n "${server:-}" ] && { kill -TERM "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port
cp "$JAR" "$work/tributary.jar"
# shellcheck disable=SC2086
TRIBUTARY_HTTP_HOST=127.0.0.1 TRIBUTARY_HTTP_PORT=$port TRIBUTARY_HTTP_PUBLICURL=$base \
TRIBUTARY_DATA_DIR=$work/data TRIBUTARY_INBOX_DIR=$work/data/inbox \
  java $JAVA_OPTS -jar "$work/tributary.jar" >"$OUT/server.log" 2>&1 &
server=$!
for _ in $(seq 1 150); do curl -fs "$base/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fs "$base/health/ready" >/dev/null || { echo "soak.sh: server did not start" >&2; tail "$OUT/server.log" >&2; exit 1; }
token=$(cat "$work/data/api-token")

heap_after_gc() {
  jcmd "$server" GC.run >/dev/null 2>&1 || true
  jcmd "$server" GC.heap_info 2>/dev/null \
    | awk '/total.*used/ { for (i=1;i<=NF;i++) if ($i=="used") { u=$(i+1); gsub(/[K,]/,"",u); printf "%.1f MB", u/1024; exit } }'
}
fds() { ls "/proc/$server/fd" 2>/dev/null | wc -l; }
heap_start=$(heap_after_gc); fds_start=$(fds)
log "server pid $server on $base; heap after GC $heap_start, $fds_start open fds; soaking ${DURATION}s"

# wrk counts 5xx answers itself (its "Non-2xx" line lumps 304 and 4xx with them).
cat >"$work/count5xx.lua" <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) e5 = 0 end
function response(status, headers, body) if status >= 500 then e5 = e5 + 1 end end
function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("e5") end
  io.write(string.format("5xx: %d\n", total))
end
LUA
wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" -s "$work/count5xx.lua" "$base/feed.atom" >"$OUT/wrk-feed.txt" 2>&1 &
pids+=($!)
wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" -s "$work/count5xx.lua" "$base/api/timeline?limit=50" >"$OUT/wrk-timeline.txt" 2>&1 &
pids+=($!)

# The generator: unique articles (no duplicates by text), POSTed and dropped into the inbox
# (written under a hidden name, then renamed, as the inbox expects of a writer).
python3 - "$base" "$token" "$work/data/inbox" "$DURATION" "$POSTS_PER_S" "$FILES_PER_S" >"$OUT/generator.json" <<'PY' &
import json, os, sys, time, urllib.request, urllib.error, random
base, token, inbox, duration, posts, files = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6])
words = "river delta season harvest market council bridge school clinic rainfall orchard festival railway library".split()
def text(kind, i):
    rnd = random.Random(f"{kind}-{i}")
    body = " ".join(rnd.choice(words) for _ in range(120))
    return f"Soak {kind} article {i} {rnd.random()}\n\n{body}.\n"
counts = {"posted": 0, "acknowledged": 0, "post_5xx": 0, "post_other": 0, "post_errors": 0, "files_dropped": 0, "statuses": {}}
start = time.time(); next_post = next_file = start; i = 0
while time.time() - start < duration:
    now = time.time()
    if now >= next_post:
        i += 1; counts["posted"] += 1; next_post += 1 / posts
        req = urllib.request.Request(base + "/api/articles", data=text("post", i).encode(), method="POST",
            headers={"Content-Type": "text/plain", "Authorization": "Bearer " + token})
        try:
            status = urllib.request.urlopen(req, timeout=120).status
        except urllib.error.HTTPError as e:
            status = e.code
        except Exception:
            status = None; counts["post_errors"] += 1
        if status is not None:
            counts["statuses"][str(status)] = counts["statuses"].get(str(status), 0) + 1
            if status in (200, 201): counts["acknowledged"] += 1
            elif status >= 500: counts["post_5xx"] += 1
            else: counts["post_other"] += 1
    if now >= next_file:
        n = counts["files_dropped"] + 1; next_file += 1 / files
        tmp = os.path.join(inbox, f".soak-{n}.txt")
        with open(tmp, "w", encoding="utf-8") as f: f.write(text("file", n))
        os.rename(tmp, os.path.join(inbox, f"soak-{n}.txt"))
        counts["files_dropped"] = n
    time.sleep(max(0, min(next_post, next_file) - time.time()))
print(json.dumps(counts))
PY
gen=$!
pids+=($gen)
wait "$gen" || true
for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
pids=()

# Let the pipeline settle: every dropped file in done/ or failed/ (at most 5 minutes).
dropped=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["files_dropped"])' "$OUT/generator.json")
settled() { echo $(( $(ls "$work/data/inbox/done" 2>/dev/null | grep -c '^soak-' || true) + $(ls "$work/data/inbox/failed" 2>/dev/null | grep -c '^soak-.*\.txt$' || true) )); }
for _ in $(seq 1 300); do [ "$(settled)" -ge "$dropped" ] && break; sleep 1; done

curl -fs "$base/metrics" >"$OUT/metrics.txt" || true
metric() { awk -v m="$1" -v l="$2" 'index($0, m "{") == 1 && index($0, l) { v += $NF } END { printf "%d", v }' "$OUT/metrics.txt"; }
stored_api=$(metric tributary_articles_ingested_total 'input="api"')
stored_inbox=$(metric tributary_articles_ingested_total 'input="inbox"')
heap_end=$(heap_after_gc); fds_end=$(fds)
done_files=$(ls "$work/data/inbox/done" 2>/dev/null | grep -c '^soak-' || true)
failed_files=$(ls "$work/data/inbox/failed" 2>/dev/null | grep -c '^soak-.*\.txt$' || true)
feed5xx=$(awk '/^5xx:/ {print $2}' "$OUT/wrk-feed.txt"); timeline5xx=$(awk '/^5xx:/ {print $2}' "$OUT/wrk-timeline.txt")
feedreq=$(awk '/requests in/ {print $1}' "$OUT/wrk-feed.txt"); timelinereq=$(awk '/requests in/ {print $1}' "$OUT/wrk-timeline.txt")

python3 - "$OUT/generator.json" <<PY | tee "$OUT/summary.txt"
import json, sys
g = json.load(open(sys.argv[1]))
lost_posts = g["acknowledged"] - $stored_api
lost_files = g["files_dropped"] - $done_files - $failed_files
lost_inbox = $done_files - $stored_inbox
print(f"soak: {$DURATION} s on $base (JAVA_OPTS='$JAVA_OPTS')")
print(f"  readers: /feed.atom {'$feedreq'} requests, {'$feed5xx' or '?'} 5xx; /api/timeline {'$timelinereq'} requests, {'$timeline5xx' or '?'} 5xx")
print(f"  writers: {g['posted']} POSTs, statuses {g['statuses']}, {g['post_5xx']} 5xx, {g['post_errors']} without answer; {g['files_dropped']} inbox files")
print(f"  stored: {$stored_api} from the API, {$stored_inbox} from the inbox; files in done/ {$done_files}, failed/ {$failed_files}")
print(f"  lost: {lost_posts} acknowledged posts, {lost_files} inbox files unaccounted for, {lost_inbox} done/ files without an article")
print(f"  heap after GC: $heap_start at start, $heap_end at end; open fds: $fds_start at start, $fds_end at end")
bad = lost_posts or lost_files or lost_inbox or g["post_5xx"] or int('${feed5xx:-0}' or 0) or int('${timeline5xx:-0}' or 0)
sys.exit(1 if bad else 0)
PY
