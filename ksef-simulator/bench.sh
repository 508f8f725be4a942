#!/usr/bin/env bash
# JMH benchmarks of the simulator: per-invoice processing cost beside its XSD floor, the stats counters beside a bare
# LongAdder. Usage: ksef-simulator/bench.sh [JMH args, e.g. InvoiceProcessingBenchmark]. MVN overrides the Maven
# command (e.g. MVN="./mvnw -q -B -o -Dmaven.repo.local=...").
set -euo pipefail
cd "$(dirname "$0")/.."
${MVN:-./mvnw -q -B} -pl ksef-simulator test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench.cp
cd ksef-simulator
java -cp "target/test-classes:target/classes:$(cat target/bench.cp)" org.openjdk.jmh.Main "$@"
