#!/usr/bin/env bash
# JMH: the client's per-invoice cost vs the raw JCA floor, for a 10 KB and a 1 MB invoice.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl ksef-client test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
cd ksef-client
java -cp "target/test-classes:target/classes:$(cat target/bench.cp)" org.openjdk.jmh.Main InvoiceEncryptionBenchmark "$@"
