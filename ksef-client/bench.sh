#!/usr/bin/env bash
# JMH benchmarks of this module, each against its floor measured in the same run:
#   ksef-client/bench.sh                                   the client's per-invoice cost vs raw JCA (10 KB and 1 MB)
#   BENCH=Fa3ValidationBenchmark ksef-client/bench.sh      the gateway's FA(3) validation path vs a bare XSD validation
# Extra arguments go to JMH (e.g. -prof gc).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl ksef-client test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
cd ksef-client
java -cp "target/test-classes:target/classes:$(cat target/bench.cp)" org.openjdk.jmh.Main "${BENCH:-InvoiceEncryptionBenchmark}" "$@"
