package dev.ksefplatform.systemtests.ksef;

import dev.ksefplatform.ksef.client.KsefClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One simulator per test class, and per test a client whose every exchange is checked against the spec when the test
 * ends; the class's FIGURE line says how much of the spec the run covered. Register it as
 * {@code @RegisterExtension static final KsefContractFixture KSEF = KsefContractFixture.withoutRateLimits();}.
 *
 * <p>The test's client and log are made on first use, so a test instance may take them in its field initialisers
 * (those run before any before-each callback). The methods of one class run one after another, so the fixture holds
 * a single test's state at a time.
 */
final class KsefContractFixture implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

    private final boolean rateLimits;
    private final UnaryOperator<KsefClient.Builder> clientOptions;
    private final Predicate<Exchange> offSpecByDesign;

    private RunningSimulator simulator;
    private ContractLog contract;
    private KsefClient client;
    private final List<ContractLog> contracts = new CopyOnWriteArrayList<>();

    private KsefContractFixture(boolean rateLimits, UnaryOperator<KsefClient.Builder> clientOptions,
                                Predicate<Exchange> offSpecByDesign) {
        this.rateLimits = rateLimits;
        this.clientOptions = clientOptions;
        this.offSpecByDesign = offSpecByDesign;
    }

    /** The official rate limits, for tests about pacing. */
    static KsefContractFixture withRateLimits() {
        return new KsefContractFixture(true, UnaryOperator.identity(), exchange -> false);
    }

    /** No rate limits, for tests about volume or behaviour rather than pacing. */
    static KsefContractFixture withoutRateLimits() {
        return new KsefContractFixture(false, UnaryOperator.identity(), exchange -> false);
    }

    /** Settings every client of this fixture gets on top of the simulator defaults (fast backoff, recording). */
    KsefContractFixture clientOptions(UnaryOperator<KsefClient.Builder> options) {
        return new KsefContractFixture(rateLimits, options, offSpecByDesign);
    }

    /** Exchanges a test provokes off-spec on purpose; they stay on the record but are not checked. */
    KsefContractFixture conformanceExcept(Predicate<Exchange> offSpecByDesign) {
        return new KsefContractFixture(rateLimits, clientOptions, offSpecByDesign);
    }

    RunningSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("the simulator starts before all tests: register the fixture as a static"
                    + " @RegisterExtension field");
        }
        return simulator;
    }

    /** This test's client: every exchange it makes lands in {@link #contract()}. */
    synchronized KsefClient client() {
        if (client == null) {
            client = simulator().client(contract(), clientOptions);
        }
        return client;
    }

    /** This test's log of exchanges, checked against the spec when the test ends. */
    synchronized ContractLog contract() {
        if (contract == null) {
            contract = register(new ContractLog());
        }
        return contract;
    }

    /**
     * A further client for this test that records into {@code log}, for when a test needs to tell apart the traffic
     * of several callers; {@code log} is checked with the test's own when the test ends.
     */
    KsefClient anotherClient(ContractLog log, UnaryOperator<KsefClient.Builder> options) {
        register(log);
        return simulator().client(log, builder -> options.apply(clientOptions.apply(builder)));
    }

    KsefClient anotherClient(ContractLog log) {
        return anotherClient(log, UnaryOperator.identity());
    }

    private ContractLog register(ContractLog log) {
        contracts.add(log);
        return log;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        simulator = rateLimits ? RunningSimulator.start() : RunningSimulator.startWithoutRateLimits();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            for (ContractLog log : contracts) {
                log.assertAllConformExcept(offSpecByDesign);
            }
        } finally {
            synchronized (this) {
                contracts.clear();
                contract = null;
                client = null;
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
        System.out.println("FIGURE " + ContractLog.summary());
    }
}
