#!/usr/bin/env bash
# The platform at rest (figures, not a test; issue #8): the cost benchmark's processes, a warm-up over REST until
# every invoice is final, then windows with no traffic: CPU ms per second of every process, each service's threads
# by CPU (/proc), and a JFR recording of one more window per service (target/idle-jfr/<service>.jfr, summarised).
#   system-tests/bench-idle.sh [idle-seconds=60] [warm-up=2000]
# BENCH_JVM: every service's JVM options, spaces and all (bench.jvmOptions; BENCH_OPTS is split at spaces).
# More knobs as BENCH_OPTS system properties (IdleBenchmark's javadoc). Build first (./mvnw -DskipTests install).
set -euo pipefail
cd "$(dirname "$0")/.."
${MVN:-./mvnw} -q -B -pl system-tests test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.cp
cd system-tests
exec java -Xmx1g -cp "target/test-classes:$(cat target/bench.cp)" -Dlogging.level.root=WARN \
  -Dbench.idleSeconds="${1:-60}" -Dbench.warmup="${2:-2000}" ${BENCH_OPTS:-} ${BENCH_JVM:+"-Dbench.jvmOptions=$BENCH_JVM"} \
  dev.ksefplatform.systemtests.bench.IdleBenchmark
