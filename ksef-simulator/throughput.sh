#!/usr/bin/env bash
# Throughput of the simulator in its own process (rate limits off): a 10,000-invoice batch with status reads during
# it, online sends from four sessions, seeding 100,000 inbox invoices; then the heap per seeded invoice (in-process).
# Every figure is printed beside its ceiling from the same run. MVN overrides the Maven command; PORT the port.
set -euo pipefail
cd "$(dirname "$0")/.."
${MVN:-./mvnw -q -B} -pl ksef-simulator package -DskipTests dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench.cp
cd ksef-simulator
PORT=${PORT:-18090}
CP="target/test-classes:target/classes:$(cat target/bench.cp)"
SERVER_PORT=$PORT SIMULATOR_RATE_LIMITS_ENABLED=false java -Xmx1g -jar target/ksef-simulator-*-exec.jar \
    > target/throughput-simulator.log 2>&1 &
SIMULATOR=$!
trap 'kill $SIMULATOR 2>/dev/null; wait $SIMULATOR 2>/dev/null || true' EXIT
until curl -sf "http://localhost:$PORT/actuator/health" > /dev/null; do sleep 0.5; done
java -cp "$CP" dev.ksefplatform.simulator.bench.SimulatorThroughput "http://localhost:$PORT"
java -Xmx1g -cp "$CP" dev.ksefplatform.simulator.inbox.SeedHeapHarness 100000
