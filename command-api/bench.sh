#!/usr/bin/env bash
# The gateway's load benchmark (figures, not a test): command-api on embedded PostgreSQL and Kafka under open-loop
# fixed offered loads of 5 KB invoices, then the same record straight to Kafka (the floor). command-api/README.md,
# "Load benchmark".
#   command-api/bench.sh                                   rates 100,500,1000, windows of 20 s, warm-up 40 s
#   BENCH_OPTS='-Dwindow=15 -Dwarmup=20 -Drates=100,300' command-api/bench.sh
#   BENCH_OPTS='-Djfr=/tmp/gateway.jfr ...' command-api/bench.sh     records the gateway's windows (JFR "profile")
#   BENCH_GC=-XX:+UseG1GC command-api/bench.sh             another collector (default: the image's, parallel)
#   BENCH_OPTS=-Dksef.test.postgres.durable=true ...       commits flushed to the disk, as production (default: off, as tests)
#   BENCH_CLASS=EventLogBenchmark command-api/bench.sh     the cost of the event log alone (commands straight to Kafka)
#   BENCH_CLASS=RequestHeapBenchmark command-api/bench.sh  heap per in-flight invoice (requests held at the INSERT; event log)
#   BENCH_CLASS=InsertCostBenchmark command-api/bench.sh   PostgreSQL's CPU per row of the gateway's INSERT, apart from the gateway
# MVN overrides the Maven command (default ./mvnw); build the project's modules first (install -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
${MVN:-./mvnw} -q -B -pl command-api test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.cp
cd command-api
# BENCH_GC: the collector, the Docker image's by default (command-api/README.md, "The collector")
exec java -Xmx1g ${BENCH_GC:--XX:+UseParallelGC} -Djdk.xml.maxOccurLimit=0 -cp "target/test-classes:target/classes:$(cat target/bench.cp)" \
  ${BENCH_OPTS:-} dev.ksefplatform.commandapi.bench.${BENCH_CLASS:-GatewayLoadBenchmark}
