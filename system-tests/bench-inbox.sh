#!/usr/bin/env bash
# The inbox to the store (figures, not a test): the whole platform in one JVM (embedded Kafka and PostgreSQL, the
# simulator with the official limits), one tenant's inbox seeded, "sync now" over REST, timed until sync-service's
# store holds every document, beside the moment the worker's InboxSyncCompleted is on the event log (the ceiling).
#   system-tests/bench-inbox.sh [invoices=100000] [warm-up=5000]
# Build the modules first (./mvnw -pl system-tests -am install -DskipTests). MVN overrides the Maven command.
set -euo pipefail
cd "$(dirname "$0")/.."
${MVN:-./mvnw} -q -B -pl system-tests test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.cp
cd system-tests
exec java -Xmx3g -Djdk.xml.maxOccurLimit=0 -cp "target/test-classes:$(cat target/bench.cp)" \
  -Dlogging.level.root=WARN dev.ksefplatform.systemtests.InboxStoreBenchmark "${1:-100000}" "${2:-5000}"
