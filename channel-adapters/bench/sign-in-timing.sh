#!/usr/bin/env bash
# How long a refused sign-in takes for a name that exists and for one that does not (dev.baton.app.security
# .SignInTimingBenchmark): the medians of alternating attempts, now and with the manager Baton used before.
#   channel-adapters/bench/sign-in-timing.sh [attempts per name, default 200]
# BATON_TARGET_SUFFIX=-me builds into */target-me instead, beside someone else's build. Results: docs/benchmarks.md.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
suffix="${BATON_TARGET_SUFFIX:--sign-in-bench}"
target="$repo/channel-adapters/target$suffix"
mkdir -p "$target"
cd "$repo"
# Built in the reactor, so that bot-core and redis-store come from this checkout; every module writes the class
# path file in turn, channel-adapters last.
mvn -q -B -Dbaton.target.suffix="$suffix" -pl channel-adapters -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$target/test-classpath.txt" -Dmdep.includeScope=test
cd "$repo/channel-adapters"
java -cp "$target/test-classes:$target/classes:$(cat "$target/test-classpath.txt")" \
    dev.baton.app.security.SignInTimingBenchmark "$@"
