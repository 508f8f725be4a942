package dev.ksefplatform.commandapi.submission.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A submission's status as tenants see it: the read model's body, passed through whole (statuses and fields the
 * gateway does not know yet included, e.g. {@code SENT} or a {@code waiting} object), or the gateway's own PENDING.
 *
 * @param body what the tenant gets, {@code commandId} and {@code status} always among it
 */
public record SubmissionStatus(String commandId, String status, Map<String, Object> body) {

    public static final String PENDING = "PENDING";

    public SubmissionStatus {
        body = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(body));
    }

    /** Accepted by the gateway, not (yet) known to the read model. */
    public static SubmissionStatus pending(String commandId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("commandId", commandId);
        body.put("status", PENDING);
        return new SubmissionStatus(commandId, PENDING, body);
    }
}
