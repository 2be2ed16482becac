#!/usr/bin/env bash
# Baton's load benchmark, start to end: builds, starts each server, runs the load generator against it, stops it,
# and prints one JSON line per run on stdout (progress on stderr). See docs/benchmarks.md.
#
#   docs/bench/load.sh                 # everything: Baton (in-memory) and the echo baseline, load and hold
#   docs/bench/load.sh baton           # only Baton, 1,000 conversations x 5,000 msg/s x 60 s
#   docs/bench/load.sh baton-hold      # only Baton, 10,000 held conversations (one question each, then none), heap and RSS
#   docs/bench/load.sh echo            # only the echo baseline, at ECHO_RATES (40,000 and 5,000 msg/s)
#   docs/bench/load.sh echo-hold       # only the echo baseline, 10,000 held connections
#   docs/bench/load.sh sweep           # Baton at SWEEP_RATES, one fresh server per rate, to find what it sustains
#   docs/bench/load.sh knee            # Baton at KNEE_RATES one after the other (STEP each) in one run: the knee
#   docs/bench/load.sh cold            # Baton measured from its first question (no warm-up), then warm as 'baton'
#   docs/bench/load.sh cold-only       # only the first of these: a fresh node, from its first question
#
# Settings (environment): CONVERSATIONS=1000 RATE=5000 ECHO_RATES="40000 5000" DURATION=60s WARMUP=30s RAMP=10s
#   HOLD_CONVERSATIONS=10000 HOLD_DURATION=60s HOLD_RAMP=20s HOLD_MESSAGES="1 0" (questions per held
#   conversation; one run each) SWEEP_RATES="500 1000 1500 2000" KNEE_RATES="1000 2000 3000 4000 5000 6000"
#   STEP=20s KNEE_P99=50ms QUESTIONS=5 (questions per conversation, then a fresh one; 0: all)
#   BATON_PORT=18090 ECHO_PORT=18091 SUFFIX=-bench (Maven build dir suffix: target-bench)
#   JAR=path/to/baton.jar (run another build's node, e.g. an older commit's, with this build's generator)
#   SKIP_BUILD=1 (reuse the last build)  MVN_ARGS=-o (extra Maven arguments, e.g. offline)  JFR=1 (record Baton with JFR, from its start to its stop; JFR_SETTINGS=default or a .jfc file)
#   PIN=1 (server on CPU 0, generator on CPU 1; default: both share every CPU)
#   STORE=memory|redis (redis: starts a private, empty redis-server on REDIS_PORT=16379 for each Baton run and
#   runs Baton with --baton.store=redis against it; needs redis-server on the PATH)
#   SERVER_HEAP=1g SERVER_JAVA_OPTS="..." (the servers' heap and other JVM options, e.g. -XX:+UseZGC)
#   GENERATOR_HEAP=2g GENERATOR_JAVA_OPTS="..." (the same for the load generator)  GENERATOR_ARGS="..." (e.g. --progress 1s)
#   BATON_ARGS="..." (extra arguments for Baton)  OUT=target-bench/load (where each run's JSON is kept)
set -euo pipefail
cd "$(dirname "$0")/../.."

WHAT=${1:-all}
CONVERSATIONS=${CONVERSATIONS:-1000}
RATE=${RATE:-5000}
ECHO_RATE=${ECHO_RATE:-40000}
ECHO_RATES=${ECHO_RATES:-$ECHO_RATE $RATE}
DURATION=${DURATION:-60s}
WARMUP=${WARMUP:-30s}
RAMP=${RAMP:-10s}
HOLD_CONVERSATIONS=${HOLD_CONVERSATIONS:-10000}
HOLD_DURATION=${HOLD_DURATION:-60s}
HOLD_RAMP=${HOLD_RAMP:-20s}
HOLD_MESSAGES=${HOLD_MESSAGES:-1 0}
SWEEP_RATES=${SWEEP_RATES:-500 1000 1500 2000}
KNEE_RATES=${KNEE_RATES:-1000 2000 3000 4000 5000 6000}
STEP=${STEP:-20s}
KNEE_P99=${KNEE_P99:-50ms}
QUESTIONS=${QUESTIONS:-5}
BATON_PORT=${BATON_PORT:-18090}
ECHO_PORT=${ECHO_PORT:-18091}
SUFFIX=${SUFFIX:--bench}
STORE=${STORE:-memory}
STORE_LABEL=$STORE
REDIS_PORT=${REDIS_PORT:-16379}
BATON_ARGS=${BATON_ARGS:-}
# The generator's visitors start a conversation every few seconds (QUESTIONS), and at 5,000 msg/s over 1,000
# connections each sends 300 messages a minute, and its screening visitor asks every question in a burst: far beyond
# what the per-visitor limits allow a person. Lifted for the benchmark, which measures throughput, not abuse (an
# older build ignores them).
BATON_ARGS="--baton.limits.visitor.conversations-per-hour=100000000 --baton.limits.visitor.messages-per-second=1000000 --baton.limits.visitor.messages-per-minute=100000000 $BATON_ARGS"
if [ "$STORE" = redis ]; then
  BATON_ARGS="--baton.store=redis --baton.redis.url=redis://127.0.0.1:${REDIS_PORT} $BATON_ARGS"
fi
OUT=${OUT:-target${SUFFIX}/load}
SERVER_HEAP=${SERVER_HEAP:-1g}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:-}
GENERATOR_HEAP=${GENERATOR_HEAP:-2g}

TARGET=channel-adapters/target${SUFFIX}
JAR=${JAR:-${TARGET}/baton.jar}
# shellcheck source=docs/bench/build.sh
. docs/bench/build.sh
build_for_bench

SERVER_CPU=""; GENERATOR_CPU=""
if [ "${PIN:-0}" = 1 ]; then SERVER_CPU="taskset -c 0"; GENERATOR_CPU="taskset -c 1"; fi

REDIS_PID=""
start_redis() { # a private, empty Redis for one run: nothing of anyone else's is touched
  [ "$STORE" = redis ] || return 0
  redis-server --port "$REDIS_PORT" --save "" --appendonly no > "$OUT/redis-${REDIS_PORT}.log" 2>&1 &
  REDIS_PID=$!
  for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "redis-server did not start on port $REDIS_PORT" >&2; exit 1
}
stop_redis() {
  # What the run cost Redis, command by command (calls and microseconds), beside the run's JSON.
  if [ -n "$REDIS_PID" ]; then redis-cli -p "$REDIS_PORT" info commandstats > "$OUT/redis-${REDIS_PORT}.commandstats" 2>/dev/null || true; fi
  if [ -n "$REDIS_PID" ]; then kill "$REDIS_PID" 2>/dev/null || true; wait "$REDIS_PID" 2>/dev/null || true; fi
  REDIS_PID=""
}

SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
  stop_redis
}
trap stop_server EXIT

start_baton() { # start_baton RUN-NAME: its log goes to $OUT/RUN-NAME.server.log
  local serverlog="$OUT/$1.server.log"
  start_redis
  log "starting Baton ($STORE_LABEL store) on port $BATON_PORT"
  # shellcheck disable=SC2086
  # shellcheck disable=SC2086
  $SERVER_CPU java -Xms"$SERVER_HEAP" -Xmx"$SERVER_HEAP" $SERVER_JAVA_OPTS $(jfr_option "$1") \
      -Xlog:gc:file="$OUT/$1.gc.log":time,uptime -jar "$JAR" --server.port="$BATON_PORT" \
      $BATON_ARGS > "$serverlog" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:${BATON_PORT}/actuator/health" >/dev/null 2>&1 && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$serverlog" >&2; exit 1; }
    sleep 0.5
  done
  echo "Baton did not come up; see $serverlog" >&2; exit 1
}

start_echo() { # start_echo RUN-NAME
  local serverlog="$OUT/$1.server.log"
  log "starting the echo server on port $ECHO_PORT"
  # shellcheck disable=SC2086
  $SERVER_CPU java -Xms"$SERVER_HEAP" -Xmx"$SERVER_HEAP" $SERVER_JAVA_OPTS -cp "$CP" dev.baton.app.load.EchoServer --port "$ECHO_PORT" \
      > "$serverlog" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 120); do
    grep -q 'echo server' "$serverlog" 2>/dev/null && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$serverlog" >&2; exit 1; }
    sleep 0.5
  done
  echo "the echo server did not come up" >&2; exit 1
}

# generate NAME PORT [generator options...]: one run; its JSON goes to stdout and to $OUT/NAME.json
generate() {
  local name=$1 port=$2; shift 2
  log "run $name"
  # shellcheck disable=SC2086
  # shellcheck disable=SC2086
  $GENERATOR_CPU java -Xms512m -Xmx"$GENERATOR_HEAP" ${GENERATOR_JAVA_OPTS:-} -Xlog:gc:file="$OUT/$name.generator.gc.log":time,uptime -cp "$CP" dev.baton.app.load.LoadGenerator \
      --url "ws://127.0.0.1:${port}/ws/visitor" --target "$name" --server-pid "$SERVER_PID" \
      --questions-per-conversation "$QUESTIONS" "$@" ${GENERATOR_ARGS:-} \
      | tee "$OUT/$name.json"
}

jfr_option() { # records the server from its start (starting JFR under load stalls the node: see docs/benchmarks.md)
  if [ "${JFR:-0}" = 1 ]; then echo "-XX:StartFlightRecording=settings=${JFR_SETTINGS:-default},dumponexit=true,filename=$PWD/$OUT/$1.jfr"; fi
}

run_baton() {
  local name="baton-${STORE_LABEL}-${CONVERSATIONS}x${RATE}"
  start_baton "$name"
  generate "$name" "$BATON_PORT" --conversations "$CONVERSATIONS" --rate "$RATE" --duration "$DURATION" \
      --warmup "$WARMUP" --ramp "$RAMP"
  stop_server
}

run_baton_hold() { # each conversation asks HOLD_MESSAGES questions once open; 0: hello only ("idle")
  for questions in $HOLD_MESSAGES; do
    local name="baton-${STORE_LABEL}-hold-${HOLD_CONVERSATIONS}-q${questions}"
    start_baton "$name"
    generate "$name" "$BATON_PORT" --hold --hold-messages "$questions" --conversations "$HOLD_CONVERSATIONS" \
        --duration "$HOLD_DURATION" --ramp "$HOLD_RAMP"
    stop_server
  done
}

run_sweep() {
  for rate in $SWEEP_RATES; do
    local name="baton-${STORE_LABEL}-${CONVERSATIONS}x${rate}"
    start_baton "$name"
    generate "$name" "$BATON_PORT" --conversations "$CONVERSATIONS" --rate "$rate" --duration "$DURATION" \
        --warmup "$WARMUP" --ramp "$RAMP"
    stop_server
  done
}

run_knee() { # one server, the rates one after the other: where p99 leaves KNEE_P99 is the knee
  local name="baton-${STORE_LABEL}-${CONVERSATIONS}-knee"
  start_baton "$name"
  generate "$name" "$BATON_PORT" --conversations "$CONVERSATIONS" --sweep-rates "${KNEE_RATES// /,}" \
      --step "$STEP" --knee-p99 "$KNEE_P99" --warmup "$WARMUP" --ramp "$RAMP"
  stop_server
}

run_cold() { # a fresh server measured from its first question: what the first minute after a deploy looks like
  local name="baton-${STORE_LABEL}-${CONVERSATIONS}x${RATE}-cold"
  start_baton "$name"
  generate "$name" "$BATON_PORT" --conversations "$CONVERSATIONS" --rate "$RATE" --duration "$DURATION" \
      --warmup 0s --ramp "$RAMP"
  stop_server
}

run_echo() {
  for rate in $ECHO_RATES; do
    local name="echo-${CONVERSATIONS}x${rate}"
    start_echo "$name"
    # The echo server's reply is no intent's answer, so there is nothing to screen.
    generate "$name" "$ECHO_PORT" --no-screen --conversations "$CONVERSATIONS" --rate "$rate" \
        --duration "$DURATION" --warmup "$WARMUP" --ramp "$RAMP"
    stop_server
  done
}

run_echo_hold() {
  local name="echo-hold-${HOLD_CONVERSATIONS}"
  start_echo "$name"
  generate "$name" "$ECHO_PORT" --no-screen --hold --hold-messages 1 --conversations "$HOLD_CONVERSATIONS" \
      --duration "$HOLD_DURATION" --ramp "$HOLD_RAMP"
  stop_server
}

case "$WHAT" in
  all) run_baton; run_baton_hold; run_echo; run_echo_hold ;;
  baton) run_baton ;;
  baton-hold) run_baton_hold ;;
  echo) run_echo ;;
  echo-hold) run_echo_hold ;;
  sweep) run_sweep ;;
  knee) run_knee ;;
  cold) run_cold; run_baton ;;
  cold-only) run_cold ;;
  *) echo "unknown run '$WHAT' (all, baton, baton-hold, echo, echo-hold, sweep, knee, cold, cold-only)" >&2; exit 2 ;;
esac
