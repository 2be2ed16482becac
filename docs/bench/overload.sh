#!/usr/bin/env bash
# Graceful overload (issue 9): one Baton node with the Redis store offered twice what it sustains. Shows that the
# messages it admits keep their p99, that the excess is refused with `busy` instead of queued, and that the node is
# back to normal as soon as the load drops. One node, one generator run in four steps on the same connections:
#
#   1. CAPACITY/2 for STEP (after the warm-up at that rate): the baseline
#   2. 2 x CAPACITY for STEP: overload
#   3. CAPACITY/2 for STEP: recovery (the questions refused under overload are resent and answered)
#   4. CAPACITY/2 for STEP: settled (judged: back to the baseline's p99 and nothing unanswered)
#
# CAPACITY is the node's knee (the highest rate it answers with p99 <= P99_MS and nothing lost); unless given, a
# `load.sh knee` run measures it first. Prints one line per step and a verdict on stdout; the JSON of each run stays
# in $OUT. See docs/benchmarks.md ("Issue 9's target and graceful overload").
#
#   docs/bench/overload.sh                         # knee first, then the overload run
#   CAPACITY=3000 SKIP_BUILD=1 docs/bench/overload.sh   # on the build of an earlier overload.sh
#
# Settings (environment): CAPACITY (msg/s; default: measured) KNEE_RATES="1000 2000 3000 4000 5000 6000" (for the
#   measurement) STEP=30s P99_MS=50 QUESTIONS=0 (one long conversation per connection) STORE=redis, and anything
#   load.sh takes.
#
# The generator resends a question refused `busy` after retryAfterMs. Each step reports two latencies: from when the
# question was first due (what visitors wait, resends included) and from the send the node admitted
# (`admittedLatencyMillis`: what the node's admitted messages take). The verdict judges the second under overload.
set -euo pipefail
cd "$(dirname "$0")/../.."

P99_MS=${P99_MS:-50}
export STORE=${STORE:-redis} STEP=${STEP:-30s} QUESTIONS=${QUESTIONS:-0} SUFFIX=${SUFFIX:--bench}
export KNEE_P99="${P99_MS}ms"
OUT=${OUT:-target${SUFFIX}/overload}
mkdir -p "$OUT"

if [ -z "${CAPACITY:-}" ]; then
  echo "== measuring the node's capacity (knee at p99 <= ${P99_MS} ms)" >&2
  KNEE_RATES=${KNEE_RATES:-1000 2000 3000 4000 5000 6000} OUT="$OUT/load" docs/bench/load.sh knee > "$OUT/capacity.json"
  CAPACITY=$(jq -r '.knee.offeredRate // empty' "$OUT/capacity.json")
  [ -n "$CAPACITY" ] || { echo "the node kept up with none of the rates; see $OUT/capacity.json" >&2; exit 1; }
  CAPACITY=${CAPACITY%.*}
  export SKIP_BUILD=1
fi
LOW=$((CAPACITY / 2))
HIGH=$((CAPACITY * 2))
echo "capacity ${CAPACITY} msg/s: baseline ${LOW}, overload ${HIGH}, recovery and settled ${LOW} msg/s, ${STEP} each"

KNEE_RATES="$LOW $HIGH $LOW $LOW" OUT="$OUT/load" docs/bench/load.sh knee > "$OUT/overload.json"

# One line per step (latency from when each question was first due, resends included), then the run's refusals.
jq -r --argjson p99 "$P99_MS" '
  def line(name): "\(name): offered \(.offeredRate)/s  answered \(.achievedMessagesPerSecond)/s  p50 \(.latencyMillis.p50) ms  p99 \(.latencyMillis.p99) ms  admitted p99 \(.admittedLatencyMillis.p99) ms  unanswered \(.lost) of \(.sent)";
  .steps as $s
  | ($s[0] | line("baseline ")), ($s[1] | line("overload ")), ($s[2] | line("recovery ")), ($s[3] | line("settled  ")),
    "refused busy in the measured window: \(.refused // .errors.busy // 0), resent \(.resent // 0); errors: \(.errors)",
    "server: \(.server.cpuCores) cores, \(.server.cpuMicrosPerMessage) µs per answered message, RSS \(.server.rssMB) MB"' \
  "$OUT/overload.json"

verdict=$(jq -r --argjson p99 "$P99_MS" --argjson capacity "$CAPACITY" '
  .steps as $s
  | [ (if (.refused // .errors.busy // 0) > 0 then empty else "nothing was refused busy" end),
      (if $s[1].achievedMessagesPerSecond >= 0.9 * $capacity then empty else "the node answered less than 90 % of its capacity under overload" end),
      (if $s[1].admittedLatencyMillis.p99 < $p99 then empty else "admitted messages missed the p99 target under overload" end),
      (if $s[3].latencyMillis.p99 < $p99 and $s[3].lost == 0 then empty else "the node was not back to normal a step after the load dropped" end),
      (if $s[0].latencyMillis.p99 < $p99 and $s[0].lost == 0 then empty else "the baseline itself missed the target" end) ]
  | if length == 0 then "PASS" else "FAIL: " + join("; ") end' "$OUT/overload.json")
echo "verdict: $verdict"
