#!/usr/bin/env bash
# The cost of one invoice (figures, not a test; issue #8): every service, the KSeF simulator (limits lifted, delays 0),
# a Kafka broker and a PostgreSQL server as separate processes; after a warm-up, invoices through the REST gateway at
# fixed offered loads and commands straight onto ksef.commands.v1, each until every one is final on ksef.events.v1;
# CPU milliseconds per invoice per process, beside the raw Kafka produce rate of the same records on the same broker.
#   system-tests/bench-cost.sh [invoices=10000] [warm-up=30000]
# BENCH_JVM: every service's JVM options, spaces and all (bench.jvmOptions; BENCH_OPTS is split at spaces).
# More knobs as BENCH_OPTS system properties (CostBenchmark's Settings), e.g. BENCH_OPTS=-Dbench.rates=100,500,1000.
# Build first (./mvnw -DskipTests install: the services run from their exec jars). MVN overrides the Maven command.
# Exits 1 if a command is lost or ends otherwise than accepted. Process logs: system-tests/target/process-logs/.
set -euo pipefail
cd "$(dirname "$0")/.."
${MVN:-./mvnw} -q -B -pl system-tests test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.cp
cd system-tests
exec java -Xmx1g -cp "target/test-classes:$(cat target/bench.cp)" -Dlogging.level.root=WARN \
  -Dbench.invoices="${1:-10000}" -Dbench.warmup="${2:-30000}" ${BENCH_OPTS:-} ${BENCH_JVM:+"-Dbench.jvmOptions=$BENCH_JVM"} \
  dev.ksefplatform.systemtests.bench.CostBenchmark
