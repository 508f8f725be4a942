package dev.ksefplatform.console.operator;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the last quick action did, as its redirect says: {@code done} (verify, disable, enable) or {@code refused}
 * (command-api's problem type, shown as a sentence saying what to do), and for which integration.
 */
public record QuickActionOutcome(String done, String refusedKey, String integrationId) {

    private static final Set<String> ACTIONS = Set.of("verify", "disable", "enable");
    private static final Set<String> KNOWN_REFUSALS = Set.of("illegal-status-transition", "integration-not-found",
            "ksef-unavailable", "ksef-rate-budget", "credential-service-unavailable");
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** Null when the request names no outcome (or one it could not have come from). */
    static QuickActionOutcome of(Map<String, String> given) {
        String id = given.get("integration");
        if (id == null || !ID.matcher(id).matches()) {
            return null;
        }
        String done = given.get("done");
        if (done != null && ACTIONS.contains(done)) {
            return new QuickActionOutcome(done, null, id);
        }
        String refused = given.get("refused");
        if (refused == null) {
            return null;
        }
        return new QuickActionOutcome(null, "operator.refused." + (KNOWN_REFUSALS.contains(refused) ? refused
                : "other"), id);
    }
}
