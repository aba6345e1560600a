#!/usr/bin/env bash
# Polling benchmark (issue 5): FEEDS (2,000) small RSS/Atom files served by nginx on 127.0.0.1,
# all subscribed to Tributary through one OPML import with a 60 s interval, then
#   1. "everything new": time until every source has been polled once, articles stored, polls/s,
#      CPU and heap during it;
#   2. "nothing changed": the next round, nginx answering 304 to the conditional GETs: time for
#      every source to be re-polled, polls/s, CPU;
#   3. memory over time: heap used after a full GC (jcmd GC.run + GC.heap_info) every SAMPLE s
#      for DURATION s while the 60 s polling goes on.
# Targets: all 2,000 polled within 30 s, memory flat over 10 minutes.
# Not a test: it prints figures and exits 0 unless something could not be measured.
#
# Environment (all optional):
#   DURATION=600       seconds of phase 3 (memory over time); e.g. DURATION=120 for a quick run
#   SAMPLE=30          seconds between heap samples in phase 3
#   FEEDS=2000         feed files served and subscribed
#   ENTRIES=10         entries per feed (distinct GUIDs)
#   MAX_IN_FLIGHT=     poll.maxInFlight for the server (unset: the configured default, 32)
#   ROUND_TIMEOUT=600  give up on a round after this many seconds
#   JAVA_OPTS=         extra JVM options for the server (e.g. a JFR recording)
#   OUT=target/bench/poll-<time>   nginx access log, samplers' raw data, server log, table
# Only ever binds and targets 127.0.0.1. Stops everything it started on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

num() { [[ $2 =~ ^[0-9]+$ ]] || { echo "poll.sh: $1='$2' is not a whole number" >&2; exit 2; }; echo "$2"; }
DURATION=$(num DURATION "${DURATION:-600}")
SAMPLE=$(num SAMPLE "${SAMPLE:-30}")
FEEDS=$(num FEEDS "${FEEDS:-2000}")
ENTRIES=$(num ENTRIES "${ENTRIES:-10}")
ROUND_TIMEOUT=$(num ROUND_TIMEOUT "${ROUND_TIMEOUT:-600}")
MAX_IN_FLIGHT=${MAX_IN_FLIGHT:-}
[ -z "$MAX_IN_FLIGHT" ] || MAX_IN_FLIGHT=$(num MAX_IN_FLIGHT "$MAX_IN_FLIGHT")
JAVA_OPTS=${JAVA_OPTS:-}
[ "$SAMPLE" -ge 1 ] || { echo "poll.sh: SAMPLE must be >= 1" >&2; exit 2; }
OUT=${OUT:-$root/target/bench/poll-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"

log() { echo "== $(date +%T) $*" >&2; }
die() { echo "poll.sh: $*" >&2; exit 1; }
now() { date +%s.%N; }

# --- tools --------------------------------------------------------------------------------
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  log "installing nginx from Debian"
  if [ "$(id -u)" = 0 ]; then apt-get install -y nginx; else sudo apt-get install -y nginx; fi
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
for t in curl python3 jcmd jstat; do command -v $t >/dev/null || die "$t is needed"; done

jar=target/tributary.jar
if [ ! -f "$jar" ]; then
  log "building $jar"
  ./mvnw -q -B package -DskipTests
fi

# --- temp dir, spare ports, cleanup ------------------------------------------------------------
work=$(mktemp -d /tmp/tributary-pollbench.XXXXXX)
chmod 755 "$work"   # nginx workers run as an unprivileged user when started as root
tributary_pid=""
nginx_pid=""
sampler_pid=""
jstat_pid=""
# shellcheck source=bench/lib.sh
source bench/lib.sh # stop PID
cleanup() {
  stop "$jstat_pid"
  stop "$sampler_pid"
  stop "$tributary_pid"
  stop "$nginx_pid"
  [ -f "$work/tributary.log" ] && cp "$work/tributary.log" "$OUT/" 2>/dev/null
  [ -f "$work/nginx/logs/access.log" ] && cp "$work/nginx/logs/access.log" "$OUT/" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

spare_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
tport=$(spare_port)
nport=$(spare_port)
[ "$tport" != "$nport" ] || nport=$(spare_port)
tbase="http://127.0.0.1:$tport"
nbase="http://127.0.0.1:$nport"

# --- feeds and nginx ---------------------------------------------------------------------------
log "generating $FEEDS feeds of $ENTRIES entries"
docroot=$work/www
python3 bench/gen_feeds.py "$docroot" "$FEEDS" "$ENTRIES" "$nbase"
chmod -R a+rX "$docroot"
du -sk "$docroot" | awk '{print "feeds on disk: " $1 " KB"}' >&2

mkdir -p "$work/nginx/logs" "$work/nginx/tmp"
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
daemon off;
events { worker_connections 4096; }
http {
  # one line per fetch: when it ended (epoch s), status, feed, seconds taken, bytes
  log_format poll '\$msec \$status \$uri \$request_time \$body_bytes_sent';
  access_log $work/nginx/logs/access.log poll;
  sendfile on;
  keepalive_requests 10000000;
  keepalive_timeout 65;
  client_body_temp_path $work/nginx/tmp/body;
  proxy_temp_path $work/nginx/tmp/proxy;
  fastcgi_temp_path $work/nginx/tmp/fastcgi;
  uwsgi_temp_path $work/nginx/tmp/uwsgi;
  scgi_temp_path $work/nginx/tmp/scgi;
  types { application/xml xml; }
  default_type application/octet-stream;
  # etag and if_modified_since are on by default: unchanged files answer 304
  server {
    listen 127.0.0.1:$nport;
    root $docroot;
  }
}
EOF
log "starting nginx on $nbase"
"$NGINX" -p "$work/nginx" -e "$work/nginx/logs/error.log" -c "$work/nginx/nginx.conf" &
nginx_pid=$!
for _ in $(seq 1 50); do curl -fs -o /dev/null "$nbase/feed-00000.xml" 2>/dev/null && break; sleep 0.1; done
etag=$(curl -fsS -D - -o /dev/null "$nbase/feed-00000.xml" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
[ -n "$etag" ] || die "nginx sends no ETag"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$nbase/feed-00000.xml")
[ "$code" = 304 ] || die "nginx answers $code, not 304, to If-None-Match"
sleep 0.2
: >"$work/nginx/logs/access.log"   # the checks above are not polls

# --- Tributary ---------------------------------------------------------------------------
run_jar=$work/tributary-bench.jar   # a private copy: a rebuild or a kill by name elsewhere misses it
cp "$jar" "$run_jar"
export TRIBUTARY_HTTP_HOST=127.0.0.1 TRIBUTARY_HTTP_PORT=$tport TRIBUTARY_HTTP_PUBLICURL=$tbase \
  TRIBUTARY_DATA_DIR=$work/data TRIBUTARY_INBOX_DIR=$work/data/inbox \
  TRIBUTARY_FETCH_ALLOWPRIVATEADDRESSES=true TRIBUTARY_POLL_DEFAULTINTERVALSECONDS=60
[ -z "$MAX_IN_FLIGHT" ] || export TRIBUTARY_POLL_MAXINFLIGHT=$MAX_IN_FLIGHT
log "starting Tributary on $tbase"
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$run_jar" >"$work/tributary.log" 2>&1 &
tributary_pid=$!
for _ in $(seq 1 150); do
  curl -fs "$tbase/health/ready" >/dev/null 2>&1 && break
  kill -0 "$tributary_pid" 2>/dev/null || { tail -20 "$work/tributary.log" >&2; die "Tributary exited"; }
  sleep 0.2
done
curl -fs "$tbase/health/ready" >/dev/null || die "Tributary not ready after 30 s"
alive() { kill -0 "$tributary_pid" 2>/dev/null || { tail -5 "$work/tributary.log" >&2; die "Tributary exited during the run (a signal from outside?)"; }; }
token=$(cat "$work/data/api-token")
hz=$(getconf CLK_TCK)

# --- samplers: CPU ticks every second, jstat -gc every second ------------------------------------
ticks() { # total CPU ticks of a process and its children now alive (nginx workers)
  local total=0 p
  for p in "$1" $(ps -o pid= --ppid "$1" 2>/dev/null); do
    [ -r "/proc/$p/stat" ] || continue
    total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
thread_ticks() { # "name ticks" per thread group of the Tributary JVM
  local t
  for t in /proc/"$tributary_pid"/task/*; do
    [ -r "$t/stat" ] || continue
    sed -E 's/^[0-9]+ \((.*)\) (.*)$/\1|\2/' "$t/stat" |
      awk -F'|' '{ split($2, f, " "); gsub(/ /, "_", $1); gsub(/-[0-9]+$/, "-N", $1); print $1, f[12] + f[13] }'
  done | awk '{s[$1] += $2} END {for (n in s) print n, s[n]}'
}
sched() { # "on-cpu-s runqueue-wait-s" summed over the JVM's threads (/proc/<pid>/task/*/schedstat, ns)
  cat /proc/"$tributary_pid"/task/*/schedstat 2>/dev/null | awk '{c += $1; w += $2} END {printf "%.3f %.3f\n", c / 1e9, w / 1e9}'
}
max_seconds=$((3 * ROUND_TIMEOUT + DURATION + 120))
sampler() {
  local i
  for i in $(seq 1 "$max_seconds"); do
    kill -0 "$tributary_pid" 2>/dev/null || break
    echo "$(now) $(ticks "$tributary_pid") $(ticks "$nginx_pid")"
    sleep 1
  done
}
sampler >"$OUT/cpu.txt" &
sampler_pid=$!
# jstat's Timestamp column is seconds since the JVM started: keep the start in epoch seconds
jvm_start=$(awk -v hz="$hz" -v btime="$(awk '/^btime/{print $2}' /proc/stat)" '{printf "%.2f", btime + $22 / hz}' "/proc/$tributary_pid/stat")
jstat -gc -t "$tributary_pid" 1000 "$max_seconds" >"$OUT/jstat.txt" 2>&1 &
jstat_pid=$!

sources_json() { curl -fsS --max-time 60 -H "Authorization: Bearer $token" "$tbase/api/sources"; }
# summary of /api/sources: total new ok error lastSuccess-count max(lastSuccess|lastAttempt) errors-by-text
# $1: epoch seconds; "after" = sources whose lastAttempt is later than that
summarize() {
  python3 -c '
import json, sys, collections
from datetime import datetime
def ts(s): return datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp() if s else None
after = float(sys.argv[1]); src = json.load(sys.stdin)
st = collections.Counter(s["status"] for s in src)
succ = [ts(s["lastSuccess"]) for s in src if s["lastSuccess"]]
att = [ts(s["lastAttempt"]) for s in src if s["lastAttempt"]]
later = sum(1 for s in src if s["lastAttempt"] and ts(s["lastAttempt"]) > after)
codes = collections.Counter(str(s["lastHttpStatus"]) for s in src)
errs = collections.Counter((s["lastError"] or "")[:80] for s in src if s["lastError"])
print(len(src), st.get("new", 0), st.get("ok", 0), st.get("error", 0) + st.get("dead", 0), len(succ),
      "%.3f" % max(succ + att + [0]), later,
      ",".join("%s:%d" % kv for kv in sorted(codes.items())) or "-",
      "|".join("%d x %s" % (n, e.replace(" ", "_")) for e, n in errs.most_common(3)) or "-")
' "$1"
}
log_count() { wc -l <"$work/nginx/logs/access.log"; }

# --- import ------------------------------------------------------------------------------
python3 - "$FEEDS" "$nbase" >"$work/bench.opml" <<'EOF'
import sys
n, base = int(sys.argv[1]), sys.argv[2]
print('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0"><head><title>bench</title></head><body>')
for f in range(n):
    print(f'<outline type="rss" text="Bench feed {f}" title="Bench feed {f}" xmlUrl="{base}/feed-{f:05d}.xml"/>')
print('</body></opml>')
EOF
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
thread_ticks >"$OUT/threads.r1.0"
sched0=$(sched)
log "importing $FEEDS sources with one OPML document"
t_import=$(now)
curl -fsS --max-time 120 -X POST "$tbase/api/sources/opml" -H "Authorization: Bearer $token" \
  -H 'Content-Type: text/x-opml' --data-binary @"$work/bench.opml" >"$OUT/opml-import.json" ||
  die "OPML import failed"
t_imported=$(now)
imported=$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["imported"], len(d["rejected"]))' <"$OUT/opml-import.json")
log "import answered in $(awk -v a="$t_import" -v b="$t_imported" 'BEGIN{printf "%.2f", b-a}') s: imported, rejected = $imported"
[ "${imported%% *}" = "$FEEDS" ] || die "imported ${imported%% *} of $FEEDS sources"

# --- round 1: everything new ---------------------------------------------------------------------
log "round 1 (everything new): waiting until no source is 'new' (at most ${ROUND_TIMEOUT}s)"
r1=""
for i in $(seq 1 "$ROUND_TIMEOUT"); do
  sleep 1
  alive
  [ "$(log_count)" -ge "$FEEDS" ] || { [ $((i % 10)) = 0 ] && log "  ${i}s: $(log_count) fetches"; continue; }
  r1=$(sources_json | summarize 0)
  read -r _ new _ <<<"$r1"
  [ "$new" = 0 ] && break
done
t_r1_seen=$(now)
thread_ticks >"$OUT/threads.r1.1"
sched1=$(sched)
[ -n "$r1" ] && [ "$(echo "$r1" | awk '{print $2}')" = 0 ] || die "round 1 not done after ${ROUND_TIMEOUT}s: $(log_count) fetches; $r1"
read -r total new ok err withsucc r1_end _ r1_codes r1_errs <<<"$r1"
log "round 1 done: ok $ok, error $err; last poll saved $(awk -v a="$t_import" -v b="$r1_end" 'BEGIN{printf "%.1f", b-a}') s after the import"
echo "$r1" >"$OUT/round1.sources.txt"

# articles stored: page through the timeline (200 a page); wait until the count holds still
count_articles() {
  python3 - "$tbase" <<'EOF'
import json, sys, urllib.request, urllib.parse
base, n, cursor = sys.argv[1], 0, None
for _ in range(100000):
    url = base + "/api/timeline?limit=200" + ("&cursor=" + urllib.parse.quote(cursor) if cursor else "")
    page = json.load(urllib.request.urlopen(url, timeout=60))
    n += len(page["items"]); cursor = page.get("nextCursor")
    if not cursor: break
print(n)
EOF
}
articles=$(count_articles)
t_counted=$(now)
log "articles in the timeline: $articles (expected $((FEEDS * ENTRIES)))"

# --- round 2: nothing changed (304) ------------------------------------------------------------
# A source's second fetch comes 54-66 s (60 s +-10 % jitter) after its first poll ended.
log "round 2 (nothing changed): waiting until every source has been fetched twice (at most ${ROUND_TIMEOUT}s)"
r2=""
for i in $(seq 1 "$ROUND_TIMEOUT"); do
  sleep 1
  alive
  twice=$(awk '{n[$3]++} END {c=0; for (u in n) if (n[u] >= 2) c++; print c}' "$work/nginx/logs/access.log")
  [ $((i % 15)) = 0 ] && log "  ${i}s: $twice of $FEEDS fetched twice"
  [ "$twice" -ge "$FEEDS" ] && break
done
[ "$twice" -ge "$FEEDS" ] || die "round 2 not done after ${ROUND_TIMEOUT}s: $twice of $FEEDS fetched twice"
sleep 1   # the last poll's status is saved just after its fetch
r2=$(sources_json | summarize "$r1_end")
echo "$r2" >"$OUT/round2.sources.txt"
read -r _ _ ok2 err2 _ r2_end later2 r2_codes r2_errs <<<"$r2"
log "round 2 done: $later2 of $FEEDS sources attempted again after round 1 ended; statuses $r2_codes"
articles2=$(count_articles)

# --- phase 3: heap after full GC every SAMPLE s for DURATION s -----------------------------------
heap_after_gc() { # "epoch usedKB committedKB rssKB fetches"
  jcmd "$tributary_pid" GC.run >/dev/null 2>&1 || true
  local used
  used=$(jcmd "$tributary_pid" GC.heap_info 2>/dev/null | awk '/total.*used/ { for (i=1;i<=NF;i++) { if ($i=="total") t=$(i+1); if ($i=="used") u=$(i+1) } gsub(/[K,]/,"",t); gsub(/[K,]/,"",u); print u, t; exit }')
  echo "$(now) ${used:-0 0} $(awk '/VmRSS/{print $2}' "/proc/$tributary_pid/status") $(log_count)"
}
log "memory: heap used after GC every ${SAMPLE}s for ${DURATION}s"
: >"$OUT/memory.txt"
t_m0=$(now)
for i in $(seq 0 $((DURATION / SAMPLE))); do
  alive
  target=$(awk -v a="$t_m0" -v i="$i" -v s="$SAMPLE" 'BEGIN{printf "%.3f", a + i * s}')
  while awk -v t="$target" -v n="$(now)" 'BEGIN{exit !(n < t)}'; do sleep 0.5; done
  heap_after_gc >>"$OUT/memory.txt"
  [ "$i" -gt 0 ] && log "  $(tail -1 "$OUT/memory.txt" | awk -v a="$t_m0" '{printf "t=%4.0fs heap used after GC %.1f MB, RSS %.0f MB, fetches %d", $1-a, $2/1024, $4/1024, $5}')"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
sources_json | summarize "$r2_end" >"$OUT/end.sources.txt"
stop "$jstat_pid"; jstat_pid=""
stop "$sampler_pid"; sampler_pid=""
cp "$work/nginx/logs/access.log" "$OUT/access.log"

# --- analysis and table ------------------------------------------------------------------------
awk -v hz="$hz" 'NR==FNR {a[$1]=$2; next} {x=($2-a[$1])/hz; if (x >= 0.5) printf "%8.1f s  %s\n", x, $1}' \
  "$OUT/threads.r1.0" "$OUT/threads.r1.1" | sort -rn >"$OUT/threads.round1.txt"

python3 - "$OUT" "$FEEDS" "$hz" "$jvm_start" "$t_import" "$r1_end" "$r2_end" "$t_m0" "$SAMPLE" <<'EOF' | tee "$OUT/analysis.txt"
import sys, collections
out, feeds, hz, jvm_start, t_import, r1_end, r2_end, t_m0, sample = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), *map(float, sys.argv[4:10])
# nginx log: per feed, its 1st fetch is round 1, its 2nd is round 2
nth = collections.Counter(); rounds = {1: [], 2: []}
for line in open(out + "/access.log"):
    t, status, uri, rt, size = line.split()
    nth[uri] += 1
    if nth[uri] <= 2:
        rounds[nth[uri]].append((float(t), int(status), float(rt), int(size)))
cpu = [tuple(map(float, l.split())) for l in open(out + "/cpu.txt") if len(l.split()) == 3]
def cpu_between(a, b, col):
    before = [r for r in cpu if r[0] <= a] or cpu[:1]; after = [r for r in cpu if r[0] >= b] or cpu[-1:]
    x0, x1 = before[-1], after[0]
    return (x1[col] - x0[col]) / hz / max(x1[0] - x0[0], 1e-9) * 100
hdr, rows = None, []
for l in open(out + "/jstat.txt"):
    f = l.split()
    if f and f[0] == "Timestamp": hdr = f; continue
    if hdr and len(f) == len(hdr):
        try: rows.append(dict(zip(hdr, map(float, f))))
        except ValueError: pass
def heap(a, b):
    sel = [r for r in rows if a <= jvm_start + r["Timestamp"] <= b]
    if not sel: return (0, 0, 0, 0)
    used = [(r["S0U"] + r["S1U"] + r["EU"] + r["OU"]) / 1024 for r in sel]
    return (max(used), sel[-1]["YGC"] - sel[0]["YGC"], sel[-1]["FGC"] - sel[0]["FGC"] + sel[-1].get("CGC", 0) - sel[0].get("CGC", 0), sel[-1]["GCT"] - sel[0]["GCT"])
def peak(ts):
    b = collections.Counter(int(t) for t in ts); return max(b.values()) if b else 0
res = {}
for r, start in ((1, t_import), (2, None)):
    evs = sorted(rounds[r]); ts = [e[0] for e in evs]
    codes = collections.Counter(e[1] for e in evs)
    first, last = ts[0], ts[-1]
    a = start if start is not None else first - min(e[2] for e in evs if e[0] == first)
    dur = last - a
    busy = sum(e[2] for e in evs)  # seconds nginx spent on these requests (ms resolution)
    res[r] = dict(n=len(evs), first=first, last=last, a=a, dur=dur, rate=len(evs) / max(dur, 1e-9),
                  peak=peak(ts), codes=codes, cpu_t=cpu_between(a, last, 1), cpu_n=cpu_between(a, last, 2),
                  heap=heap(a, last), inflight=busy / max(dur, 1e-9))
r1, r2 = res[1], res[2]
print("round 1 (everything new): %d fetches %s, first %.2f s after the import, last %.2f s; all saved %.2f s after the import"
      % (r1["n"], dict(r1["codes"]), r1["first"] - t_import, r1["last"] - t_import, r1_end - t_import))
print("round 2 (nothing changed): %d fetches %s, from %.1f s to %.1f s after round 1's last fetch; spread (first to last) %.2f s"
      % (r2["n"], dict(r2["codes"]), r2["first"] - r1["last"], r2["last"] - r1["last"], r2["last"] - r2["first"]))
print("average fetches open at nginx (sum of request_time / round time): round 1 %.2f, round 2 %.2f" % (r1["inflight"], r2["inflight"]))
for r in (1, 2):
    print("round %d: max fetches in one second %d; heap during it: max used %.0f MB, %d young GCs, %d full/concurrent, GC time %.2f s"
          % (r, res[r]["peak"], *res[r]["heap"]))
mem = [tuple(map(float, l.split())) for l in open(out + "/memory.txt") if len(l.split()) == 5]
print("memory series (t s, heap used after full GC MB, heap committed MB, RSS MB, fetches so far):")
for m in mem:
    print("  %5.0f %8.1f %8.1f %8.1f %8d" % (m[0] - t_m0, m[1] / 1024, m[2] / 1024, m[3] / 1024, m[4]))
with open(out + "/summary.vars", "w") as f:
    for r in (1, 2):
        x = res[r]
        f.write("r%d_dur=%.2f\nr%d_rate=%.1f\nr%d_peak=%d\nr%d_cpu=%.0f\nr%d_ncpu=%.0f\nr%d_heap=%.0f\nr%d_n=%d\nr%d_spread=%.2f\n"
                % (r, x["dur"], r, x["rate"], r, x["peak"], r, x["cpu_t"], r, x["cpu_n"], r, x["heap"][0], r, x["n"], r, x["last"] - x["first"]))
    f.write("r2_after=%.2f\n" % (r2["last"] - r1["last"]))
    if mem:
        f.write("m_first=%.1f\nm_last=%.1f\nm_min=%.1f\nm_max=%.1f\nm_n=%d\nm_span=%.0f\n" % (mem[0][1] / 1024, mem[-1][1] / 1024,
                min(m[1] for m in mem) / 1024, max(m[1] for m in mem) / 1024, len(mem), mem[-1][0] - mem[0][0]))
EOF
# shellcheck disable=SC1091
. "$OUT/summary.vars"
{
  echo
  echo "Tributary $(git describe --always --dirty 2>/dev/null || echo '?'), nginx $("$NGINX" -v 2>&1 | sed 's/.*\///'), $(nproc) cores shared by nginx, Tributary and this script"
  echo "$FEEDS feeds x $ENTRIES entries on 127.0.0.1 (one host), interval 60 s, poll.maxInFlight ${MAX_IN_FLIGHT:-default (32)}"
  echo
  printf '%-26s %12s %10s %9s %9s %9s %12s %s\n' round "all polled" "polls/s" "peak/s" "Trib cpu%" "nginx cpu%" "max heap MB" "target"
  met1=$(awk -v d="$r1_dur" 'BEGIN{print (d <= 30 ? "met" : "not met")}')
  met2=$(awk -v d="$r2_spread" 'BEGIN{print (d <= 30 ? "met" : "not met")}')
  printf '%-26s %11.1fs %10.1f %9d %9s %9s %12s %s\n' "1 everything new (200)" "$r1_dur" "$r1_rate" "$r1_peak" "$r1_cpu" "$r1_ncpu" "$r1_heap" "<= 30 s: $met1"
  printf '%-26s %11.1fs %10.1f %9d %9s %9s %12s %s\n' "2 nothing changed (304)" "$r2_spread" "$r2_rate" "$r2_peak" "$r2_cpu" "$r2_ncpu" "$r2_heap" "<= 30 s: $met2"
  echo
  echo "round 1: time from the OPML import to the last first fetch; $articles articles stored (expected $((FEEDS * ENTRIES))), $articles2 after round 2"
  echo "         sources after round 1 (total new ok error withSuccess - - statuses errors): $(cat "$OUT/round1.sources.txt")"
  echo "$sched0 $sched1" | awk '{printf "         Tributary threads in round 1: %.1f s on a CPU, %.1f s runnable but waiting for one (run queue)\n", $3 - $1, $4 - $2}'
  echo "round 2: first to last re-fetch (each source's second fetch; the last came ${r2_after:-?} s after round 1's last fetch);"
  echo "         polls/s over that spread; sources: $(cat "$OUT/round2.sources.txt")"
  if [ -n "${m_first:-}" ]; then
    flat=$(awk -v a="$m_first" -v b="$m_last" 'BEGIN{d=b-a; print (d <= 0.1*a + 5 ? "flat: met" : "grew: not met")}')
    printf 'memory:  heap used after full GC, %d samples over %s s: first %s MB, last %s MB (min %s, max %s) -> %s (target: flat over 600 s)\n' \
      "$m_n" "$m_span" "$m_first" "$m_last" "$m_min" "$m_max" "$flat"
  fi
  echo
  echo "load average (1, 5, 15 min) before: $load_before; after: $load_after -- anything above ~2 means other processes shared the cores"
  echo "cpu% = CPU used during the round (200% = both cores); heap = jstat -gc S0U+S1U+EU+OU, max during the round"
  echo "Tributary's busiest threads in round 1: $OUT/threads.round1.txt; raw data (access.log, cpu.txt, jstat.txt, memory.txt) beside it"
} | tee "$OUT/table.txt"
head -8 "$OUT/threads.round1.txt"
