# Shared by the bench scripts (sourced from the repository root, with log() defined).

# Builds target/tributary.jar when missing or older than src/main, pom.xml or conf/.
build_jar_if_stale() {
  local jar=target/tributary.jar
  if [ ! -e "$jar" ] || [ -n "$(find src/main pom.xml conf -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
    log "building $jar"
    ./mvnw -q -B package -DskipTests
  fi
}

# stop PID: TERM, wait up to 10 s, then KILL; only our own children.
stop() {
  local pid=$1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# heap_after_gc PID: MB of heap used after a full GC (jcmd GC.run, then GC.heap_info).
heap_after_gc() {
  jcmd "$1" GC.run >/dev/null 2>&1 || true
  jcmd "$1" GC.heap_info 2>/dev/null |
    awk '/total.*used/ { for (i=1;i<=NF;i++) if ($i=="used") u=$(i+1); gsub(/[K,]/,"",u); printf "%.1f\n", u/1024; exit }'
}

# peak_rss PID: the process's peak resident set size so far (VmHWM), as "N MB".
peak_rss() {
  awk '/^VmHWM:/ { printf "%.0f MB\n", $2 / 1024 }' "/proc/$1/status" 2>/dev/null
}

# CPU seconds (user + system, all threads) process $1 has used so far
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / hz }' "/proc/$1/stat"; }
# sys_seconds PID: the kernel's share of cpu_seconds (system calls, wake-ups, the network).
sys_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.2f", $13 / hz }' "/proc/$1/stat"; }
# jit_seconds PID: the CPU seconds of the JVM's compiler threads (C1 and C2): on a server that has
# just started, the JIT compiles for tens of seconds, on the same cores as the work being measured.
jit_seconds() {
  local t total=0
  for t in /proc/"$1"/task/*; do
    case "$(cat "$t/comm" 2>/dev/null)" in
      C1\ Compiler* | C2\ Compiler*) total="$total + $(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "$t/stat" 2>/dev/null || echo 0)" ;;
    esac
  done
  awk -v hz="$(getconf CLK_TCK)" "BEGIN { printf \"%.2f\", ($total) / hz }"
}

# The JVM options the container's entry point gives Tributary beyond the heap (Dockerfile): the
# pipeline's and the search index's threads run below the store writer's priority only with
# -XX:ThreadPriorityPolicy=1 (store/StoreVerticle.BELOW_THE_WRITER), and the JIT's compiler
# threads stay at the writer's (-XX:CompilerThreadPriority=0: run as root, the policy would raise
# them to nice -4, ahead of the writer, which the container's uid cannot do anyway).
# PRODUCT_OPTS= measures without.
PRODUCT_OPTS=${PRODUCT_OPTS--XX:ThreadPriorityPolicy=1 -XX:CompilerThreadPriority=0}
