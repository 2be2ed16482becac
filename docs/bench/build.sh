# Sourced by the benchmark scripts: builds the jar, the test classes and the test classpath once, and sets CP.
# Needs TARGET, SUFFIX and OUT; honours SKIP_BUILD=1 and MVN_ARGS.

log() { echo "== $*" >&2; }

build_for_bench() {
  mkdir -p "$OUT"
  local classpath_file
  classpath_file="$(cd "$OUT" && pwd)/classpath.txt"
  if [ "${SKIP_BUILD:-0}" != 1 ]; then
    log "building (jar, test classes, test classpath) into target${SUFFIX}"
    # One invocation, so that bot-core and redis-store resolve to this build's jars, never to copies in ~/.m2.
    # Each module writes its classpath to the same file; channel-adapters, built last, wins.
    # shellcheck disable=SC2086
    mvn -q -B ${MVN_ARGS:-} -Dbaton.target.suffix="$SUFFIX" -DskipTests package dependency:build-classpath \
        -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file" >&2
  fi
  CP="${TARGET}/test-classes:$(cat "$classpath_file")"
}
