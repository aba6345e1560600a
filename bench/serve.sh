#!/usr/bin/env bash
# Tributary next to nginx serving the same bytes from files: wrk against /feed.atom,
# /topics/<slug>/feed.atom and /api/timeline?limit=50 with the same connections, threads and
# duration, and a table of req/s, p99 and the ratio Tributary/nginx against the targets.
# Not a test: it prints figures and exits 0 unless something could not be measured.
#
# Environment (all optional):
#   DURATION=10        seconds (or "10s") per measured run
#   WARMUP=5           seconds of wrk before each measured run (JIT, connections)
#   CONNECTIONS=64     wrk -c, the same for both servers
#   THREADS=2          wrk -t
#   GZIP=0             1: send "Accept-Encoding: gzip"; nginx compresses on the fly with
#                      gzip_comp_level 6 (Vert.x's default level, as Tributary does per request).
#                      static: same header, nginx serves files pre-compressed with gzip -6
#                      (gzip_static; the ceiling for "compress once, cache the bytes").
#   ARTICLES=1000      articles generated and stored before the server starts
#   TOPIC=depression   topic of the per-topic feed (must have >= 50 articles; when it has not,
#                      the topic with the most articles is used)
#   ONLY=              comma-separated subset of feed,topic-feed,timeline (e.g. for a profile)
#   JAVA_OPTS=         extra JVM options for the server (not the ingest run), e.g. a JFR
#                      recording (see bench/README.md)
#   OUT=target/bench/<time>   where the raw wrk outputs, fetched bodies and logs are kept
# Only ever binds and targets 127.0.0.1. Stops everything it started on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

secs() { local v=${1%s}; [[ $v =~ ^[0-9]+$ ]] || { echo "serve.sh: '$1' is not a number of seconds" >&2; exit 2; }; echo "$v"; }
DURATION=$(secs "${DURATION:-10}")
WARMUP=$(secs "${WARMUP:-5}")
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
GZIP=${GZIP:-0}
ARTICLES=${ARTICLES:-1000}
TOPIC=${TOPIC:-depression}
JAVA_OPTS=${JAVA_OPTS:-}
ONLY=${ONLY:-feed,topic-feed,timeline}
[[ $CONNECTIONS =~ ^[0-9]+$ && $THREADS =~ ^[0-9]+$ && $ARTICLES =~ ^[0-9]+$ ]] ||
  { echo "serve.sh: CONNECTIONS, THREADS and ARTICLES must be whole numbers" >&2; exit 2; }
case $GZIP in 0|1|static) ;; *) echo "serve.sh: GZIP must be 0, 1 or static" >&2; exit 2 ;; esac
OUT=${OUT:-$root/target/bench/$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"

log() { echo "== $*" >&2; }
die() { echo "serve.sh: $*" >&2; exit 1; }

# --- tools --------------------------------------------------------------------------------
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]} from Debian"
  if [ "$(id -u)" = 0 ]; then apt-get install -y "${need[@]}"
  else sudo apt-get install -y "${need[@]}"; fi
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
command -v curl >/dev/null || die "curl is needed"
command -v python3 >/dev/null || die "python3 is needed (article generator, spare ports)"

jar=target/tributary.jar
if [ ! -f "$jar" ]; then
  log "building $jar"
  ./mvnw -q -B package -DskipTests
fi

# --- temp dir, spare ports, cleanup ------------------------------------------------------------
work=$(mktemp -d /tmp/tributary-bench.XXXXXX)
chmod 755 "$work"   # nginx workers run as an unprivileged user when started as root
tributary_pid=""
nginx_pid=""
# shellcheck source=bench/lib.sh
source bench/lib.sh # stop PID
cleanup() {
  stop "$nginx_pid"
  stop "$tributary_pid"
  [ -f "$work/tributary.log" ] && cp "$work/tributary.log" "$OUT/" 2>/dev/null
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

# A private copy of the jar: a rebuild of target/ during the run cannot change what is measured,
# and a kill by name aimed at "target/tributary.jar" elsewhere on a shared machine misses it.
run_jar=$work/tributary-bench.jar
cp "$jar" "$run_jar"

export TRIBUTARY_HTTP_HOST=127.0.0.1 TRIBUTARY_HTTP_PORT=$tport TRIBUTARY_HTTP_PUBLICURL=$tbase \
  TRIBUTARY_DATA_DIR=$work/data TRIBUTARY_INBOX_DIR=$work/data/inbox

# --- articles: generated, then stored with the ingest command before the server starts ---------
log "generating $ARTICLES articles"
python3 bench/gen_articles.py "$work/articles" "$ARTICLES"
log "storing them with 'java -jar $jar ingest' into $work/data"
t0=$(date +%s.%N)
rc=0
java -jar "$run_jar" ingest "$work/articles" >"$work/ingest.log" 2>&1 || rc=$?
cp "$work/ingest.log" "$OUT/"
[ $rc = 0 ] || { tail -5 "$work/ingest.log" >&2; die "ingest failed with exit code $rc$([ $rc -gt 128 ] && echo " (signal $((rc - 128)) from outside)")"; }
t1=$(date +%s.%N)
tail -1 "$work/ingest.log" | tee "$OUT/ingest-summary.txt" >&2
printf 'ingest of %s files took %.1f s\n' "$ARTICLES" "$(echo "$t1 - $t0" | bc)" | tee -a "$OUT/ingest-summary.txt" >&2

# --- Tributary ---------------------------------------------------------------------------
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
# The first start on a store filled by 'tributary ingest' counts every stored article into the
# corpus statistics in the background (the CLI does not keep them): not while wrk measures.
for _ in $(seq 1 1800); do grep -q "Corpus statistics:" "$work/tributary.log" && break; sleep 0.5; done
grep -h "Corpus statistics:" "$work/tributary.log" >&2 || log "WARNING: corpus statistics not loaded after 15 min"

topics_json=$(curl -fsS "$tbase/api/topics")
echo "$topics_json" >"$OUT/topics.json"
slug=$(TOPIC=$TOPIC python3 -c '
import json, os, sys
t = json.loads(sys.stdin.read())
counts = {x["slug"]: x["count"] for x in t}
want = os.environ["TOPIC"]
print(want if counts.get(want, 0) >= 50 else max(counts, key=counts.get))' <<<"$topics_json")
count=$(python3 -c 'import json,sys; print({x["slug"]: x["count"] for x in json.load(sys.stdin)}[sys.argv[1]])' "$slug" <<<"$topics_json")
stored=$(curl -fsS "$tbase/api/timeline?limit=200" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))')
log "topic '$slug' has $count articles (site timeline's first page: $stored items)"
[ "$count" -ge 50 ] || log "WARNING: no topic has 50 articles; the per-topic feed is shorter"

# --- the same bytes as files for nginx -------------------------------------------------------
docroot=$work/www
mkdir -p "$docroot"
paths=("/feed.atom" "/topics/$slug/feed.atom" "/api/timeline?limit=50")
files=("feed.atom" "topic.atom" "timeline.json")
for i in 0 1 2; do
  curl -fsS "$tbase${paths[$i]}" -o "$docroot/${files[$i]}"
  if [ "$GZIP" = static ]; then env -u GZIP gzip -6 -k -n "$docroot/${files[$i]}"; fi  # gzip(1) reads $GZIP as options
done
chmod -R a+rX "$docroot"
cp "$docroot"/* "$OUT/"

# --- nginx: a private config ------------------------------------------------------------------
mkdir -p "$work/nginx/logs" "$work/nginx/tmp"
case $GZIP in
  1) gzip_conf="gzip on; gzip_comp_level 6; gzip_min_length 0; gzip_vary on;
                gzip_types application/atom+xml application/json;" ;;
  static) gzip_conf="gzip_static on; gzip_vary on;" ;;
  *) gzip_conf="gzip off;" ;;
esac
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
daemon off;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 10000000;   # Vert.x never closes a keep-alive connection; nginx would every 1000
  keepalive_timeout 65;
  client_body_temp_path $work/nginx/tmp/body;
  proxy_temp_path $work/nginx/tmp/proxy;
  fastcgi_temp_path $work/nginx/tmp/fastcgi;
  uwsgi_temp_path $work/nginx/tmp/uwsgi;
  scgi_temp_path $work/nginx/tmp/scgi;
  types { application/atom+xml atom; application/json json; }
  default_type application/octet-stream;
  $gzip_conf
  server {
    listen 127.0.0.1:$nport;
    root $docroot;
  }
}
EOF
log "starting nginx on $nbase (worker_processes auto)"
"$NGINX" -p "$work/nginx" -e "$work/nginx/logs/error.log" -c "$work/nginx/nginx.conf" &
nginx_pid=$!
for _ in $(seq 1 50); do curl -fs "$nbase/feed.atom" >/dev/null 2>&1 && break; sleep 0.1; done
for f in "${files[@]}"; do
  curl -fsS "$nbase/$f" | cmp -s - "$docroot/$f" || die "nginx does not serve the same bytes for $f"
done

# --- measuring -------------------------------------------------------------------------------
hdr=()
[ "$GZIP" != 0 ] && hdr=(-H "Accept-Encoding: gzip")
for url in "$tbase/feed.atom" "$nbase/feed.atom" "$tbase/api/timeline?limit=50" "$nbase/timeline.json"; do
  enc=$(curl -sS -o /dev/null -D - "${hdr[@]}" "$url" | tr -d '\r' | awk -F': ' 'tolower($1)=="content-encoding"{print $2}')
  echo "$url content-encoding: ${enc:-none}" >>"$OUT/encodings.txt"
done

ticks() { # total CPU ticks of a process and its children now alive (nginx workers)
  local total=0 p
  for p in "$1" $(ps -o pid= --ppid "$1" 2>/dev/null); do
    [ -r "/proc/$p/stat" ] || continue
    total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
thread_ticks() { # "name ticks" per thread of the Tributary JVM
  local t
  for t in /proc/"$tributary_pid"/task/*; do
    [ -r "$t/stat" ] || continue
    # comm may contain spaces: take it from the parentheses, ticks after them
    sed -E 's/^[0-9]+ \((.*)\) (.*)$/\1|\2/' "$t/stat" |
      awk -F'|' '{ split($2, f, " "); gsub(/ /, "_", $1); print $1, f[12] + f[13] }'
  done | awk '{s[$1] += $2} END {for (n in s) print n, s[n]}'
}
hz=$(getconf CLK_TCK)

run_wrk() { # name url pid -> appends "rps p99ms cpu% bytes non2xx errors" to $OUT/<name>.result
  local name=$1 url=$2 pid=$3
  timeout $((WARMUP + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "${hdr[@]}" "$url" >"$OUT/$name.warmup.txt" 2>&1 || true
  local c0 c1
  c0=$(ticks "$pid")
  [ "$pid" = "$tributary_pid" ] && thread_ticks >"$OUT/$name.threads0"
  timeout $((DURATION + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "${hdr[@]}" "$url" >"$OUT/$name.txt" 2>&1 ||
    { cat "$OUT/$name.txt" >&2; die "wrk failed against $url"; }
  c1=$(ticks "$pid")
  if [ "$pid" = "$tributary_pid" ]; then
    thread_ticks >"$OUT/$name.threads1"
    # CPU % per thread group during the run, busiest first
    awk -v hz="$hz" -v d="$DURATION" 'NR==FNR {a[$1]=$2; next} {x=($2-a[$1])/hz/d*100; if (x >= 1) printf "%6.1f%%  %s\n", x, $1}' \
      "$OUT/$name.threads0" "$OUT/$name.threads1" | sort -rn >"$OUT/$name.threads.txt"
  fi
  awk -v cpu="$(( (c1 - c0) * 100 / hz / DURATION ))" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; if (v ~ /s$/) return v * 1000; return v }
    function bytes(v) { if (v ~ /KB$/) return v * 1024; if (v ~ /MB$/) return v * 1048576; if (v ~ /GB$/) return v * 1073741824; return v + 0 }
    /^ +99%/ { p99 = ms($2) }
    /requests in/ { n = $1; total = bytes($5) }
    /^Requests\/sec:/ { rps = $2 }
    /Non-2xx or 3xx responses:/ { bad = $NF }
    /Socket errors:/ { err = $0; sub(/.*Socket errors: /, "", err); gsub(/ /, "", err) }
    END { printf "%s %s %s %d %d %s\n", rps, p99, cpu, (n ? total / n : 0), bad + 0, (err == "" ? "none" : err) }
  ' "$OUT/$name.txt" >"$OUT/$name.result"
}

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
load_before=$(loadavg)
names=("feed" "topic-feed" "timeline")
turls=("$tbase/feed.atom" "$tbase/topics/$slug/feed.atom" "$tbase/api/timeline?limit=50")
nurls=("$nbase/feed.atom" "$nbase/topic.atom" "$nbase/timeline.json")
targets=(0.9 0.9 0.5)
selected=()
for i in 0 1 2; do [[ ,$ONLY, == *,${names[$i]},* ]] && selected+=("$i"); done
[ ${#selected[@]} -gt 0 ] || die "ONLY='$ONLY' names none of feed,topic-feed,timeline"
for i in "${selected[@]}"; do
  log "wrk ${names[$i]}: ${WARMUP}s warm-up + ${DURATION}s, -c$CONNECTIONS -t$THREADS${hdr[*]:+, gzip}: Tributary"
  run_wrk "tributary-${names[$i]}" "${turls[$i]}" "$tributary_pid"
  kill -0 "$tributary_pid" 2>/dev/null || { tail -5 "$work/tributary.log" >&2; die "Tributary exited during the run (a signal from outside?)"; }
  log "wrk ${names[$i]}: nginx"
  run_wrk "nginx-${names[$i]}" "${nurls[$i]}" "$nginx_pid"
done

# --- table -----------------------------------------------------------------------------------
{
  echo "Tributary $(git describe --always --dirty 2>/dev/null || echo '?') vs nginx $("$NGINX" -v 2>&1 | sed 's/.*\///'), $(nproc) cores shared by wrk and both servers"
  echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s (after ${WARMUP}s warm-up), Accept-Encoding: $([ "$GZIP" = 0 ] && echo none || echo "gzip (nginx: $([ "$GZIP" = static ] && echo gzip_static, files gzip -6 || echo gzip on, level 6))"), $ARTICLES articles, topic '$slug' ($count)"
  echo
  printf '%-34s %12s %9s %6s %9s | %12s %9s %6s %9s | %6s %7s %s\n' endpoint "Trib req/s" "p99 ms" "cpu%" "bytes" "nginx req/s" "p99 ms" "cpu%" "bytes" ratio target met
  for i in "${selected[@]}"; do
    read -r trps tp99 tcpu tbytes tbad terr <"$OUT/tributary-${names[$i]}.result"
    read -r nrps np99 ncpu nbytes nbad nerr <"$OUT/nginx-${names[$i]}.result"
    ratio=$(awk -v a="$trps" -v b="$nrps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
    met=$(awk -v r="$ratio" -v t="${targets[$i]}" 'BEGIN { print (r >= t ? "met" : "not met") }')
    path=${turls[$i]#"$tbase"}
    printf '%-34s %12.0f %9.2f %6s %9s | %12.0f %9.2f %6s %9s | %6s %7s %s\n' \
      "$path" "$trps" "$tp99" "$tcpu" "$tbytes" "$nrps" "$np99" "$ncpu" "$nbytes" "$ratio" ">= ${targets[$i]}" "$met"
    [ "$tbad$nbad" = 00 ] || echo "   WARNING: non-2xx responses: Tributary $tbad, nginx $nbad"
    [ "$terr$nerr" = nonenone ] || echo "   socket errors: Tributary $terr; nginx $nerr"
  done
  echo
  echo "load average (1, 5, 15 min) before: $load_before; after: $(loadavg) -- anything above ~2 means other processes shared the cores"
  echo "bytes = average response bytes incl. headers; cpu% = CPU used by that server during its run (200% = both cores)."
  echo "Tributary's busiest threads per run are in $OUT/tributary-*.threads.txt; raw wrk output beside them."
} | tee "$OUT/table.txt"
