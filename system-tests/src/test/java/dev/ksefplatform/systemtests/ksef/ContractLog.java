package dev.ksefplatform.systemtests.ksef;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Every exchange a test's client made, checked against the spec when the test ends. Totals are kept for the JVM so
 * the run can say how much traffic the contract covered.
 */
final class ContractLog {

    private static final AtomicInteger VALIDATED = new AtomicInteger();
    private static final Set<String> OPERATIONS = new ConcurrentSkipListSet<>();

    private final List<Exchange> pending = new ArrayList<>();
    private final List<Exchange> all = new ArrayList<>();

    synchronized void record(Exchange exchange) {
        pending.add(exchange);
        all.add(exchange);
    }

    synchronized List<Exchange> exchanges() {
        return List.copyOf(all);
    }

    /** Fails on any API exchange the spec does not allow, then starts over. */
    void assertAllConform() {
        assertAllConformExcept(exchange -> false);
    }

    /**
     * The same, but exchanges the test provoked on purpose to be off-spec (an injected HTML page) are left out; they
     * must still be on the record.
     */
    void assertAllConformExcept(Predicate<Exchange> offSpecByDesign) {
        List<Exchange> batch = drain();
        List<String> violations = new ArrayList<>();
        for (Exchange exchange : batch) {
            if (!exchange.isApiCall() || offSpecByDesign.test(exchange)) {
                continue;
            }
            violations.addAll(SpecContract.violations(exchange));
            VALIDATED.incrementAndGet();
            SpecContract.operationOf(exchange).ifPresent(OPERATIONS::add);
        }
        assertThat(violations).as("exchanges that violate openapi.json").isEmpty();
    }

    private synchronized List<Exchange> drain() {
        List<Exchange> batch = List.copyOf(pending);
        pending.clear();
        return batch;
    }

    static String summary() {
        return "contract-validated exchanges: " + VALIDATED.get() + ", spec operations: " + OPERATIONS.size()
                + "\n  " + String.join("\n  ", new TreeSet<>(OPERATIONS))
                + "\nvalidator warnings: " + new TreeSet<>(SpecContract.warnings());
    }
}
