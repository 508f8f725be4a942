package dev.ksefplatform.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * KSeF calls per endpoint, as {@code "METHOD /path/{}"}: from the audit log's {@code KsefCallRecorded} rows (each
 * counts its {@code calls}) and from the simulator's own counters of one context, so the two can be compared.
 */
final class KsefCallTally {

    private KsefCallTally() {
    }

    /** The audit rows' calls, without the UPO's download from storage (not a KSeF API call the simulator counts). */
    static Map<String, Long> ofAuditRows(List<JsonNode> rows) {
        Map<String, Long> tally = new TreeMap<>();
        for (JsonNode row : rows) {
            JsonNode call = row.path("call");
            String endpoint = call.path("endpoint").asText();
            if (endpoint.startsWith("/")) {
                tally.merge(key(call.path("method").asText(), endpoint), call.path("calls").asLong(), Long::sum);
            }
        }
        return tally;
    }

    /** The simulator's count per endpoint of one context (calls carrying that context's access token). */
    static Map<String, Long> ofSimulator(JsonNode contextStats) {
        Map<String, Long> tally = new TreeMap<>();
        contextStats.path("byEndpoint").fields().forEachRemaining(entry -> {
            String[] methodAndPath = entry.getKey().split(" ", 2);
            tally.merge(key(methodAndPath[0], methodAndPath[1].replaceFirst("^/v2(?=/)", "")),
                    entry.getValue().asLong(), Long::sum);
        });
        return tally;
    }

    /**
     * The audited calls the simulator can attribute to a context: all but those that carry no access token of it —
     * the login's steps before one exists ({@code /auth/...} other than {@code /auth/sessions}) and the public
     * {@code /security/public-key-certificates} (the encryption key for the session).
     */
    static Map<String, Long> attributable(Map<String, Long> audited, Map<String, Long> simulated) {
        Map<String, Long> tally = new TreeMap<>();
        audited.forEach((endpoint, calls) -> {
            boolean tokenless = endpoint.contains(" /security/public-key-certificates")
                    || endpoint.contains(" /auth/") && !endpoint.contains(" /auth/sessions");
            if (simulated.containsKey(endpoint) || !tokenless) {
                tally.put(endpoint, calls);
            }
        });
        return tally;
    }

    private static String key(String method, String path) {
        return method + " " + path.replaceAll("\\{[^}]*}", "{}");
    }
}
