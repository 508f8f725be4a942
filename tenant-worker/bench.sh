#!/usr/bin/env bash
# The submission engine's benchmark harness (figures, not a test): real Kafka, PostgreSQL, the simulator and the
# worker in one JVM, commands published straight to ksef.commands.v1.
#   tenant-worker/bench.sh                 all three scenarios (limits, throughput, neighbour)
#   tenant-worker/bench.sh limits          one tenant, 10,000 invoices, official limits on
#   tenant-worker/bench.sh throughput      20 tenants, 5,000 invoices, limits lifted, beside raw Kafka
#   tenant-worker/bench.sh neighbour       A has 10,000 queued, B sends 20 one by one
#   tenant-worker/bench.sh inbox           one tenant's 100,000 received invoices, then 200 tenants with 3 each
#   tenant-worker/bench.sh memory          heap per in-flight invoice: 500 held at intake, in the lanes, in the relay
#                                          (BENCH_OPTS: -Dbench.runs=3 -Dbench.invoices=500 -Dbench.histogram=true
#                                           -Dbench.verdictDelay=60s)
# BENCH_OPTS=-Dbench.nicedSimulator=true runs the neighbour scenario's simulator as its own process at nice 19
# (-Dbench.simulatorNice=N: another niceness, relative to the benchmark's own).
# A second argument divides the invoice counts (e.g. "limits 10" for a quick look). MVN overrides the Maven command.
set -euo pipefail
cd "$(dirname "$0")/.."
${MVN:-./mvnw} -q -B -pl tenant-worker test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
cd tenant-worker
exec java -Xmx2g ${BENCH_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.cp)" \
  -Dlogging.level.root=WARN -Dlogging.level.dev.ksefplatform=WARN \
  dev.ksefplatform.worker.it.SubmissionBenchmark "${1:-all}" "${2:-1}"
