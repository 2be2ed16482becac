#!/usr/bin/env bash
# JMH benchmark of classification throughput on the shipped intents (or -p examples=FILE.jsonl, relative to bot-core/).
#   bot-core/bench/jmh.sh [JMH options, e.g. -t 2 -p examples=../../shared/datasets/clinc150/train.jsonl]
set -euo pipefail
core="$(cd "$(dirname "$0")/.." && pwd)"
cd "$core"
mvn -q -B -Dbaton.target.suffix=-nlu-bench -f pom.xml test-compile dependency:build-classpath \
    -Dmdep.outputFile=target-nlu-bench/test-classpath.txt -Dmdep.includeScope=test
java -cp "target-nlu-bench/test-classes:target-nlu-bench/classes:$(cat target-nlu-bench/test-classpath.txt)" \
    org.openjdk.jmh.Main ClassificationBenchmark "$@"
