#!/usr/bin/env bash
# Issue 9's throughput target, as the issue states it: one Baton node with the Redis store, the generator and Redis
# on the same machine, 1,000 connections at 5,000 msg/s for 60 s, p99 under 50 ms and nothing lost, in 5 runs of 5.
# Each run is `load.sh baton` with a fresh node and a fresh, private Redis. Prints one line per run and a verdict
# on stdout; each run's JSON stays in $OUT (progress on stderr). See docs/benchmarks.md ("Issue 9's target and graceful overload").
#
#   docs/bench/target.sh                        # build once, then 5 runs
#   RUNS=1 SKIP_BUILD=1 docs/bench/target.sh    # one run on the build of an earlier target.sh
#
# Settings (environment): RUNS=5 RATE=5000 CONVERSATIONS=1000 DURATION=60s P99_MS=50 QUESTIONS=5 (questions per
#   conversation, as load.sh) STORE=redis, and anything load.sh takes (WARMUP, SERVER_JAVA_OPTS, JAR, MVN_ARGS, ...)
set -euo pipefail
cd "$(dirname "$0")/../.."

RUNS=${RUNS:-5}
P99_MS=${P99_MS:-50}
export STORE=${STORE:-redis} RATE=${RATE:-5000} CONVERSATIONS=${CONVERSATIONS:-1000} DURATION=${DURATION:-60s}
export SUFFIX=${SUFFIX:--bench}
OUT=${OUT:-target${SUFFIX}/target}
mkdir -p "$OUT"

passed=0
for run in $(seq 1 "$RUNS"); do
  # The first run builds (unless SKIP_BUILD=1); the others reuse that build.
  if [ "$run" -gt 1 ]; then export SKIP_BUILD=1; fi
  # load.sh keeps the build's classpath and the last run's logs in $OUT/load; each run's JSON is kept here.
  OUT="$OUT/load" docs/bench/load.sh baton > "$OUT/run-$run.json"
  # One line per run. Missing: any question of the measured window without its answer, duplicated or never sent; a
  # question refused `busy` is resent by the generator and its wait shows in the latency. Errors are the whole run's.
  line=$(jq -r --argjson p99 "$P99_MS" --arg run "$run" '
    (.lost + .duplicated + .unsentAtEnd + .skippedSlots) as $missing
    | [ "run \($run):", "offered \(.offeredRate)/s", "answered \(.achievedMessagesPerSecond)/s",
        "p50 \(.latencyMillis.p50) ms", "p99 \(.latencyMillis.p99) ms", "max \(.latencyMillis.max) ms",
        "lost \(.lost)", "refused \(.refused // 0)", "errors \(.errors)", "handoffs \(.handoffs)",
        "server \(.server.cpuCores) cores, \(.server.cpuMicrosPerMessage) µs/msg",
        (if .latencyMillis.p99 < $p99 and $missing == 0 and .replied >= .sent then "PASS" else "FAIL" end) ]
    | join("  ")' "$OUT/run-$run.json")
  echo "$line"
  case "$line" in *PASS) passed=$((passed + 1)) ;; esac
done
verdict=FAIL
[ "$passed" -eq "$RUNS" ] && verdict=PASS
echo "verdict: $verdict ($passed of $RUNS runs at ${RATE} msg/s kept p99 < ${P99_MS} ms with nothing lost)"
