#!/usr/bin/env bash
# The queue fan-out benchmark: agent consoles and waiting visitors on two Baton nodes sharing one (private) Redis,
# handoffs and accepts at a steady rate. Prints one JSON line per run on stdout (kept in $OUT/NAME.json),
# progress on stderr. See docs/benchmarks.md ("Queue fan-out").
#
#   docs/bench/queue-fanout.sh                 # one run at RATE
#   RATES="1 5 20" docs/bench/queue-fanout.sh  # one run per rate, fresh nodes and Redis each
#
# Settings (environment): AGENTS=200 WAITING=2000 SPARE=100 RATE=5 (handoffs/s, and as many accepts/s) RATES
#   FILL_RATE=100 WARMUP=20s DURATION=60s UPDATE_TIMEOUT=10s NODE_PORTS="18090 18092" REDIS_PORT=16379
#   CONSOLE_LOADS=5 (times the console page is loaded in headless Chromium at the end; 0: never)
#   SERVER_HEAP=1g SERVER_JAVA_OPTS="..." GENERATOR_HEAP=2g BATON_ARGS="..." SUFFIX=-bench (build dir: target-bench)
#   SKIP_BUILD=1 (reuse the last build)  MVN_ARGS=-o  JAR=path/to/baton.jar (run another build's nodes, e.g. an
#   older commit's, with this build's benchmark)  LABEL=... (run name prefix)  OUT=target-bench/queue-fanout
set -euo pipefail
cd "$(dirname "$0")/../.."

AGENTS=${AGENTS:-200}
WAITING=${WAITING:-2000}
SPARE=${SPARE:-100}
RATE=${RATE:-5}
RATES=${RATES:-$RATE}
FILL_RATE=${FILL_RATE:-100}
WARMUP=${WARMUP:-20s}
DURATION=${DURATION:-60s}
UPDATE_TIMEOUT=${UPDATE_TIMEOUT:-10s}
CONSOLE_LOADS=${CONSOLE_LOADS:-5}
NODE_PORTS=${NODE_PORTS:-18090 18092}
REDIS_PORT=${REDIS_PORT:-16379}
SERVER_HEAP=${SERVER_HEAP:-1g}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:-}
GENERATOR_HEAP=${GENERATOR_HEAP:-2g}
BATON_ARGS=${BATON_ARGS:-}
SUFFIX=${SUFFIX:--bench}
OUT=${OUT:-target${SUFFIX}/queue-fanout}
TARGET=channel-adapters/target${SUFFIX}
JAR=${JAR:-${TARGET}/baton.jar}
LABEL=${LABEL:-queue-fanout}
PASSWORD=bench-secret

# shellcheck source=docs/bench/build.sh
. docs/bench/build.sh
build_for_bench

# The agents: AGENTS accounts agent1..agentN with one password ({noop}: a benchmark needs no bcrypt cost per login).
AGENTS_FILE="$(cd "$OUT" && pwd)/agents.yml"
{
  echo "baton:"
  echo "  agents:"
  echo "    users:"
  for i in $(seq 1 "$AGENTS"); do
    echo "      - {username: agent$i, name: Agent $i, password-hash: \"{noop}$PASSWORD\", roles: [AGENT]}"
  done
} > "$AGENTS_FILE"

PIDS=()
REDIS_PID=""
stop_all() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  PIDS=()
  if [ -n "$REDIS_PID" ]; then kill "$REDIS_PID" 2>/dev/null || true; wait "$REDIS_PID" 2>/dev/null || true; fi
  REDIS_PID=""
}
trap stop_all EXIT

start_all() { # start_all RUN-NAME: a private, empty Redis and one Baton node per port
  redis-server --port "$REDIS_PORT" --save "" --appendonly no > "$OUT/$1.redis.log" 2>&1 &
  REDIS_PID=$!
  for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
  SERVER_PIDS=""
  for port in $NODE_PORTS; do
    log "starting Baton on port $port ($JAR)"
    # shellcheck disable=SC2086
    java -Xms"$SERVER_HEAP" -Xmx"$SERVER_HEAP" $SERVER_JAVA_OPTS -Xlog:gc:file="$OUT/$1.$port.gc.log":time,uptime \
        -jar "$JAR" --server.port="$port" --baton.store=redis --baton.redis.url="redis://127.0.0.1:${REDIS_PORT}" \
        --spring.config.additional-location="file:$AGENTS_FILE" $BATON_ARGS > "$OUT/$1.$port.server.log" 2>&1 &
    PIDS+=($!)
    SERVER_PIDS="${SERVER_PIDS:+$SERVER_PIDS,}$!"
  done
  for port in $NODE_PORTS; do
    for _ in $(seq 1 240); do
      curl -fs "http://127.0.0.1:${port}/actuator/health" >/dev/null 2>&1 && continue 2
      sleep 0.5
    done
    echo "Baton did not come up on port $port; see $OUT/$1.$port.server.log" >&2; exit 1
  done
}

for rate in $RATES; do
  name="${LABEL}-${AGENTS}x${WAITING}-r${rate}"
  start_all "$name"
  nodes=""
  for port in $NODE_PORTS; do nodes="${nodes:+$nodes,}http://127.0.0.1:$port"; done
  log "run $name"
  # shellcheck disable=SC2086
  java -Xms512m -Xmx"$GENERATOR_HEAP" -cp "$CP" dev.baton.app.load.QueueFanoutBenchmark --nodes "$nodes" \
      --agents "$AGENTS" --password "$PASSWORD" --waiting "$WAITING" --spare "$SPARE" --rate "$rate" \
      --fill-rate "$FILL_RATE" --warmup "$WARMUP" --duration "$DURATION" --update-timeout "$UPDATE_TIMEOUT" \
      --server-pids "$SERVER_PIDS" --redis-pid "$REDIS_PID" --target "$name" --console-loads "$CONSOLE_LOADS" | tee "$OUT/$name.json"
  stop_all
done
