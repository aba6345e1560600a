#!/bin/sh
# Writes a class data sharing archive (AppCDS, JDK 17) for a Tributary jar: starts the jar once on
# a throwaway data dir, waits until it serves, stops it; on exit the JVM writes the classes that
# start loaded into ARCHIVE. A start with -XX:SharedArchiveFile=ARCHIVE maps them instead of
# loading and verifying each again: about a third less time to /health/ready (bench/README.md,
# "Restart"). The archive fits that jar file (its path and modification time) and that JVM; with
# another, the JVM warns and starts without it. The Dockerfile runs this at build time.
#
# usage: bin/class-archive.sh JAR ARCHIVE [JAVA OPTIONS...]
set -eu
[ $# -ge 2 ] || { echo "usage: $0 JAR ARCHIVE [JAVA OPTIONS...]" >&2; exit 64; }
jar=$1
archive=$2
shift 2
train=$(mktemp -d)
trap 'rm -rf "$train"' EXIT
rm -f "$archive"
TRIBUTARY_DATA_DIR=$train/data TRIBUTARY_INBOX_DIR=$train/inbox \
  TRIBUTARY_HTTP_HOST=127.0.0.1 TRIBUTARY_HTTP_PORT=0 TRIBUTARY_BRIDGE_PORT=0 \
  TRIBUTARY_CLUSTER_ENABLED=false \
  java "$@" -XX:ArchiveClassesAtExit="$archive" -jar "$jar" >"$train/log" 2>&1 &
pid=$!
tries=0
# Main logs "... serving <url>" once every verticle is deployed, the corpus statistics loaded.
until grep -q ' serving ' "$train/log"; do
  if ! kill -0 "$pid" 2>/dev/null || [ "$tries" -ge 600 ]; then
    kill "$pid" 2>/dev/null || true
    cat "$train/log" >&2
    echo "class-archive.sh: the training start did not serve" >&2
    exit 1
  fi
  tries=$((tries + 1))
  sleep 0.1
done
kill -TERM "$pid"
wait "$pid"
[ -s "$archive" ] || { echo "class-archive.sh: no archive written" >&2; exit 1; }
echo "class-archive.sh: $archive ($(du -h "$archive" | cut -f1)) for $jar"
