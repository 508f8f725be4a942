package dev.ksefplatform.simulator.stats;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What counting costs on the request path: {@link SimulatorStats#request} from two threads at once (10 contexts,
 * 3 endpoints) beside its floor, one bare {@link LongAdder} increment. Run with
 * {@code ksef-simulator/bench.sh StatsBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(2)
public class StatsBenchmark {

    private static final String[] CONTEXTS = {"5265877635", "7762811692", "1111111111", "2222222222", "3333333333",
        "4444444444", "5555555555", "6666666666", "7777777777", "8888888888"};
    private static final String[] ENDPOINTS = {"POST /v2/sessions/online/{referenceNumber}/invoices",
        "GET /v2/sessions/{referenceNumber}/invoices/{invoiceReferenceNumber}", "GET /v2/sessions/{referenceNumber}"};
    private static final String[] GROUPS = {"invoiceSend", "invoiceStatus", "sessionMisc"};

    private final SimulatorStats stats = new SimulatorStats(Clock.systemUTC());
    private final LongAdder floor = new LongAdder();

    @Benchmark
    public void countOneRequest() {
        int i = ThreadLocalRandom.current().nextInt(30);
        stats.request(CONTEXTS[i % 10], GROUPS[i % 3], ENDPOINTS[i % 3], i == 0 ? 429 : 200);
    }

    @Benchmark
    public void floorOneLongAdder() {
        floor.increment();
    }
}
