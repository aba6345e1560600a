#!/usr/bin/env bash
# JMH benchmark of the topic tagger (TopicTagger.tag), one thread, ~3 KB articles: articles/s
# with the shipped taxonomy, and with synthetic taxonomies of 20, 200 and 2,000 topics.
# Not a test: it prints figures and exits 0 unless the benchmark could not run.
#
# Builds what is missing: target/tributary.jar (./mvnw -q -B package -DskipTests) and
# bench/tagger/target/benchmarks.jar (./mvnw -f bench/tagger/pom.xml), each again when a
# source under src/main, conf, or bench/tagger/src is newer than it.
#
# Environment (all optional):
#   FORKS=1 WI=3 I=5 W=1s R=1s    JMH -f -wi -i -w -r (short by default; e.g. FORKS=3 I=10)
#   BENCH=TaggerBenchmark         JMH benchmark regex (e.g. tagSampleSizedArticle; StagesBenchmark:
#                                 the cost of tag()'s stages, analysis alone, + matching)
#   TOPICS=                       -p topics=... for tagWithTopicCount (e.g. 20,2000)
#   JMH_ARGS=                     more JMH options, e.g. "-prof jfr" or "-prof gc"
#   OUT=target/bench/tagger-<time>   where the JMH log and JSON results go
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
FORKS=${FORKS:-1}
WI=${WI:-3}
I=${I:-5}
W=${W:-1s}
R=${R:-1s}
BENCH=${BENCH:-TaggerBenchmark}
TOPICS=${TOPICS:-}
JMH_ARGS=${JMH_ARGS:-}
OUT=${OUT:-$root/target/bench/tagger-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"

log() { echo "== $*" >&2; }
newer() { [ ! -e "$1" ] || [ -n "$(find "${@:2}" -newer "$1" -type f -print -quit 2>/dev/null)" ]; }

jar=target/tributary.jar
bench_jar=bench/tagger/target/benchmarks.jar
if newer "$jar" src/main pom.xml conf; then
  log "building $jar"
  ./mvnw -q -B package -DskipTests
fi
if newer "$bench_jar" bench/tagger/src bench/tagger/pom.xml "$jar"; then
  log "building $bench_jar"
  ./mvnw -q -B -f bench/tagger/pom.xml package
fi

args=(-f "$FORKS" -wi "$WI" -i "$I" -w "$W" -r "$R" -rf json -rff "$OUT/result.json")
[ -n "$TOPICS" ] && args+=(-p "topics=$TOPICS")
# shellcheck disable=SC2206
[ -n "$JMH_ARGS" ] && args+=($JMH_ARGS)

# Run from a private copy of the jar: a "pkill -f tributary.jar" elsewhere on the machine (it has
# happened during manual testing, see bench/README.md) must not kill the benchmark's forks.
cp "$jar" "$OUT/under-test.jar"
cp "$bench_jar" "$OUT/benchmarks.jar"
cp_jars="$OUT/benchmarks.jar:$OUT/under-test.jar"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
log "load average before: $load_before ($(nproc) cores; above ~1 something else is using CPU)"
log "java -cp $cp_jars org.openjdk.jmh.Main ${args[*]} $BENCH"
status=0
java -cp "$cp_jars" org.openjdk.jmh.Main "${args[@]}" "$BENCH" | tee "$OUT/jmh.log" || status=$?
[ "$status" = 0 ] && [ -s "$OUT/result.json" ] || {
  echo "tagger.sh: JMH did not finish (exit status $status; killed from outside?), see $OUT/jmh.log" >&2
  exit 1
}
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

python3 - "$OUT/result.json" "$OUT/jmh.log" "$load_before" "$load_after" <<'PY' | tee "$OUT/table.txt"
import json, re, sys
results, log, before, after = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
info = [l.strip() for l in open(log) if l.startswith(("[corpus]", "[taxonomy]"))]
print()
print("Tagger, one thread, articles/s (higher is better); target >= 20,000")
print(f"{'benchmark':<24} {'topics':>7} {'articles/s':>12} {'± 99.9%':>10} {'min':>9} {'max':>9}")
for r in json.load(open(results)):
    name = r["benchmark"].rsplit(".", 1)[1]
    topics = r.get("params", {}).get("topics", "shipped")
    m = r["primaryMetric"]
    raw = [x for fork in m["rawData"] for x in fork]
    err = m["scoreError"]
    err = "n/a" if err != err else f"{err:,.0f}"
    print(f"{name:<24} {topics:>7} {m['score']:>12,.0f} {err:>10} {min(raw):>9,.0f} {max(raw):>9,.0f}")
for line in dict.fromkeys(info):
    print(line)
print(f"load average before {before}, after {after} (1, 5, 15 min)")
PY
log "JMH log, JSON and table in $OUT"
