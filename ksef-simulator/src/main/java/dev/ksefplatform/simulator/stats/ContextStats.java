package dev.ksefplatform.simulator.stats;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The counters of one context: requests by limit group, by endpoint and by status, and invoices received by hash. */
final class ContextStats {

    private final LongAdder requests = new LongAdder();
    private final Map<String, LongAdder> byGroup = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byEndpoint = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
    private final Map<String, Integer> receivedByHash = new ConcurrentHashMap<>();
    private final LongAdder received = new LongAdder();

    void request(String group, String endpoint, int status) {
        requests.increment();
        byGroup.computeIfAbsent(group, g -> new LongAdder()).increment();
        byEndpoint.computeIfAbsent(endpoint, e -> new LongAdder()).increment();
        byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    void received(String invoiceHash) {
        received.increment();
        receivedByHash.merge(invoiceHash, 1, Integer::sum);
    }

    /**
     * What {@code GET /sim/v1/stats} shows.
     *
     * @param receivedMoreThanOnce the hashes received more than once, with their counts
     * @param receivedByHash       every hash with its count; {@code null} unless asked for
     */
    record View(long requests, Map<String, Long> byGroup, Map<String, Long> byEndpoint, Map<String, Long> byStatus,
                long tooManyRequests, long invoicesReceived, int distinctInvoicesReceived,
                Map<String, Integer> receivedMoreThanOnce, Map<String, Integer> receivedByHash) {
    }

    View view(boolean withHashes) {
        Map<String, Long> statuses = new TreeMap<>();
        byStatus.forEach((status, count) -> statuses.put(Integer.toString(status), count.sum()));
        Map<String, Integer> repeated = new TreeMap<>();
        receivedByHash.forEach((hash, count) -> {
            if (count > 1) {
                repeated.put(hash, count);
            }
        });
        return new View(requests.sum(), sums(byGroup), sums(byEndpoint), statuses,
                byStatus.getOrDefault(429, new LongAdder()).sum(), received.sum(), receivedByHash.size(), repeated,
                withHashes ? new TreeMap<>(receivedByHash) : null);
    }

    private static Map<String, Long> sums(Map<String, LongAdder> counters) {
        Map<String, Long> sums = new TreeMap<>();
        counters.forEach((key, count) -> sums.put(key, count.sum()));
        return sums;
    }
}
