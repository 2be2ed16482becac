#!/usr/bin/env bash
# Reproduces every classifier number in docs/classifier.md with one command:
#   channel-adapters/bench/classifier.sh [DATASETS_DIR]   (default: ../shared/datasets beside the repository)
# Slow (several minutes on 2 cores): not part of CI. Reports land in channel-adapters/target-nlu-bench/classifier/*.json.
# BATON_TARGET_SUFFIX=-me builds into */target-me instead, beside someone else's build.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
data="${1:-$repo/../shared/datasets}"
suffix="${BATON_TARGET_SUFFIX:--nlu-bench}"
target="$repo/channel-adapters/target$suffix"
out="$target/classifier"
mkdir -p "$out"

cd "$repo"
# Built in the reactor, so that bot-core comes from this checkout; every module writes the class path file in turn,
# channel-adapters last.
mvn -q -B -Dbaton.target.suffix="$suffix" -pl channel-adapters -am compile dependency:build-classpath \
    -Dmdep.outputFile="$out/classpath.txt" -Dmdep.includeScope=runtime
cp="$target/classes:$(cat "$out/classpath.txt")"

evaluate() {
    local name="$1"; shift
    echo "== $name: evaluate $*" >&2
    java -Xmx4g -cp "$cp" dev.baton.app.evaluation.EvaluateCommand "$@" > "$out/$name.json"
    grep -E '"(inScopeAccuracy|oosRecall|top1Accuracy|answeredRate|threshold|trainSeconds|p50|p99)"' "$out/$name.json" \
        | head -12 >&2
}

clinc="$data/clinc150"
for train in train train_small train_imbalanced; do
    # Larson et al.'s protocol: threshold chosen on val; the report is on val itself (the test split is not shipped).
    evaluate "clinc150-$train" --train "$clinc/$train.jsonl" --val "$clinc/val.jsonl" --test "$clinc/val.jsonl" \
        --predictions "$out/clinc150-$train.predictions.jsonl"
done
# BANKING77 has no out-of-scope class: top-1 by 5-fold cross-validation; --threshold 0 skips calibration.
evaluate banking77-cv5 --train "$data/banking77/train.jsonl" --folds 5 --threshold 0
# The shipped FAQ database, by cross-validation, per language, with the production threshold.
evaluate shipped-intents-cv5 --train "$repo/intents" --folds 5
# What the bot does with customers' own words (docs/classifier.md, Real wording).
echo "== real-wording: evaluate --decisions" >&2
java -Xmx4g -cp "$cp" dev.baton.app.evaluation.EvaluateCommand --train "$repo/intents" \
    --decisions "$repo/evaluation/real-wording.jsonl" --predictions "$out/real-wording.decisions.jsonl" \
    > "$out/real-wording.json"
