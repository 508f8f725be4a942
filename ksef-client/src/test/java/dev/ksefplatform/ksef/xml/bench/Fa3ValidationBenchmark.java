package dev.ksefplatform.ksef.xml.bench;

import dev.ksefplatform.ksef.xml.Fa3Samples;
import dev.ksefplatform.ksef.xml.Fa3Schema;
import dev.ksefplatform.ksef.xml.Fa3Reading;
import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Validator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The gateway's validation path for one invoice (UTF-8, limits, well-formedness, FA(3) XSD, large occurrence bounds,
 * facts) against the floor of a bare XSD validation of the same bytes with a reused {@link Validator}. Run with
 * {@code BENCH=Fa3ValidationBenchmark ksef-client/bench.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = "-Xmx1g")
public class Fa3ValidationBenchmark {

    @Param({"5000", "1000000"})
    int size;

    byte[] invoice;
    Validator bare;

    @Setup
    public void setUp() {
        invoice = Fa3Samples.ofSize("5265877635", "FV/1/2026", size);
        bare = Fa3Schema.get().schema().newValidator();
        if (!(Fa3Schema.get().read(invoice) instanceof Fa3Reading.Valid)) {
            throw new IllegalStateException("benchmark invoice is not valid");
        }
    }

    /** The gateway's path: encoding, limits, XSD, occurrence bounds and facts in one pass with a pooled parser. */
    @Benchmark
    public Fa3Reading onePass() {
        return Fa3Schema.get().read(invoice);
    }

    @Benchmark
    public Validator bareSchemaFloor() throws Exception {
        bare.validate(new StreamSource(new ByteArrayInputStream(invoice)));
        return bare;
    }
}
