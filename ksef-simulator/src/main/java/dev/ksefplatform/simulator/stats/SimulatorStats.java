package dev.ksefplatform.simulator.stats;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counters for tests, per context NIP ({@link #NO_CONTEXT} for calls without an access token: challenge, token
 * login, auth status): requests by limit group, by endpoint and by status (429 above all), and how many times each
 * invoice (by SHA-256) was received — sent online or found in a closed batch package. Lock-free (concurrent maps of
 * {@code LongAdder}s): it sits on every request.
 */
public final class SimulatorStats {

    public static final String NO_CONTEXT = "none";

    private final Clock clock;
    private final Map<String, ContextStats> contexts = new ConcurrentHashMap<>();
    private volatile Instant since;

    public SimulatorStats(Clock clock) {
        this.clock = clock;
        this.since = clock.instant();
    }

    public void request(String contextNip, String group, String endpoint, int status) {
        of(contextNip).request(group, endpoint, status);
    }

    /** One invoice received in {@code contextNip}'s session, online or in a batch package. */
    public void received(String contextNip, String invoiceHash) {
        of(contextNip).received(invoiceHash);
    }

    record View(Instant since, Map<String, ContextStats.View> contexts) {
    }

    /** Every context, or only {@code contextNip} (then with every hash received). */
    View view(String contextNip) {
        Map<String, ContextStats.View> views = new TreeMap<>();
        if (contextNip == null) {
            contexts.forEach((nip, stats) -> views.put(nip, stats.view(false)));
        } else {
            views.put(contextNip, of(contextNip).view(true));
        }
        return new View(since, views);
    }

    /** Starts the counts again, for every context or for one. */
    void reset(String contextNip) {
        if (contextNip == null) {
            contexts.clear();
            since = clock.instant();
        } else {
            contexts.remove(contextNip);
        }
    }

    private ContextStats of(String contextNip) {
        return contexts.computeIfAbsent(contextNip == null ? NO_CONTEXT : contextNip, nip -> new ContextStats());
    }
}
