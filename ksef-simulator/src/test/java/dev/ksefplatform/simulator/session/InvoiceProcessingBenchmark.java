package dev.ksefplatform.simulator.session;

import dev.ksefplatform.simulator.auth.Caller;
import dev.ksefplatform.simulator.auth.Login;
import dev.ksefplatform.simulator.fault.FaultInjector;
import dev.ksefplatform.simulator.invoice.AcceptedInvoices;
import dev.ksefplatform.simulator.invoice.InvoiceVerifier;
import dev.ksefplatform.simulator.shared.ReferenceNumbers;
import dev.ksefplatform.simulator.shared.Workers;
import dev.ksefplatform.simulator.support.Invoices;
import dev.ksefplatform.simulator.upo.UpoStorage;
import dev.ksefplatform.simulator.upo.UpoWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The simulator's cost of deciding one invoice (what its worker threads do per invoice, online or in a batch):
 * size/BOM/encoding checks, the FA(3) XSD, P_1 and seller checks, the duplicate claim, metadata parse, the document
 * appended on disk and the UPO recipe — beside its floor, the FA(3) XSD validation alone (through the same verifier).
 * Run with {@code ksef-simulator/bench.sh InvoiceProcessingBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class InvoiceProcessingBenchmark {

    private static final String NIP = "5265877635";

    private final AtomicLong sequence = new AtomicLong();
    private Workers workers;
    private AcceptedInvoices accepted;
    private InvoiceProcessor processor;
    private InvoiceVerifier verifier;
    private OnlineSession session;
    private byte[] sample;

    @Setup(Level.Trial)
    public void setUp() {
        Clock clock = Clock.systemUTC();
        ReferenceNumbers references = new ReferenceNumbers(clock);
        workers = new Workers(1);
        accepted = new AcceptedInvoices(references);
        verifier = new InvoiceVerifier(clock);
        processor = new InvoiceProcessor(verifier, accepted, new UpoWriter(),
                new UpoStorage(new byte[32], Duration.ofHours(1), clock), workers, Duration.ZERO, new FaultInjector(),
                clock);
        Caller opener = new Caller(NIP, List.of("InvoiceWrite"), "20250101-AU-0000000000-0000000000-00",
                "20250101-EC-0000000000-0000000000-00", new Login(Login.TOKEN, "Nip", NIP, null));
        session = new OnlineSession("20250101-SO-0000000000-0000000000-00", opener, Instant.now(),
                Instant.now().plus(Duration.ofHours(12)), new byte[32], new byte[16], workers.lane());
        sample = Invoices.fa3(NIP, "SAMPLE/1");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        accepted.deleteDocuments();
        workers.close();
    }

    /** One fresh invoice (a new P_2 each time, so every call is accepted, never a duplicate). */
    @Benchmark
    public InvoiceState decideOneInvoice() {
        long n = sequence.incrementAndGet();
        SessionInvoice invoice = new SessionInvoice((int) n, "EE-" + n, "hash", Instant.now(), false,
                Invoices.fa3(NIP, "BENCH/" + n));
        return processor.outcome(session, invoice);
    }

    /** The floor: the FA(3) checks alone (the XSD dominates them). */
    @Benchmark
    public Object floorVerifyOnly() {
        return verifier.verify(sample, NIP);
    }
}
