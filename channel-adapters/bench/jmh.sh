#!/usr/bin/env bash
# JMH benchmark of classification throughput on the shipped intents (or -p examples=FILE.jsonl, relative to
# channel-adapters/, where the JSON Lines reader lives).
#   channel-adapters/bench/jmh.sh [JMH options, e.g. -t 2 -p examples=../../shared/datasets/clinc150/train.jsonl]
# BATON_TARGET_SUFFIX=-me builds into */target-me instead, beside someone else's build.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
suffix="${BATON_TARGET_SUFFIX:--nlu-bench}"
target="$repo/channel-adapters/target$suffix"
mkdir -p "$target"
cd "$repo"
# Built in the reactor, so that bot-core and redis-store come from this checkout; every module writes the class
# path file in turn, channel-adapters last.
mvn -q -B -Dbaton.target.suffix="$suffix" -pl channel-adapters -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$target/test-classpath.txt" -Dmdep.includeScope=test
cd "$repo/channel-adapters"
java -cp "$target/test-classes:$target/classes:$(cat "$target/test-classpath.txt")" \
    org.openjdk.jmh.Main ClassificationBenchmark "$@"
