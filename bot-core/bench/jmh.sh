#!/usr/bin/env bash
# JMH benchmark of classification throughput on the shipped intents (or -p examples=FILE.jsonl, relative to bot-core/).
#   bot-core/bench/jmh.sh [JMH options, e.g. -t 2 -p examples=../../shared/datasets/clinc150/train.jsonl]
# BATON_TARGET_SUFFIX=-me builds into bot-core/target-me instead, beside someone else's build.
set -euo pipefail
core="$(cd "$(dirname "$0")/.." && pwd)"
cd "$core"
suffix="${BATON_TARGET_SUFFIX:--nlu-bench}"
target="target$suffix"
mvn -q -B -Dbaton.target.suffix="$suffix" -f pom.xml test-compile dependency:build-classpath \
    -Dmdep.outputFile="$target/test-classpath.txt" -Dmdep.includeScope=test
java -cp "$target/test-classes:$target/classes:$(cat "$target/test-classpath.txt")" \
    org.openjdk.jmh.Main ClassificationBenchmark "$@"
