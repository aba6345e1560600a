#!/usr/bin/env bash
# Times the tagger's start-up load of the corpus statistics kept in the store (issue 10): fills a
# fresh store with ARTICLES (1,000,000) articles' worth of document frequencies over STEMS
# (300,000) distinct stems, then starts the store and tagger verticles on it three times and prints
# how long the load took, under -Xmx512m. Not a test: it prints figures.
#
#   bench/corpus-load.sh
#   STEMS=100000 bench/corpus-load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o test-compile
cp=target/corpus-load-bench.classpath
./mvnw -q -o dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test
exec java -Xmx512m -cp "target/classes:target/test-classes:$(cat "$cp")" \
  dev.tributary.ingest.CorpusLoadBench
