package dev.ksefplatform.console.commandapi;

import java.util.Map;

/** command-api answered an error: its status and, from its problem+json, the type's slug and the detail. */
public final class CommandApiRefused extends RuntimeException {

    private final int status;
    private final String problem;
    private final Map<String, Object> body;

    public CommandApiRefused(int status, Map<String, Object> body) {
        super(String.valueOf(body.getOrDefault("detail", "command-api answered " + status)));
        this.status = status;
        String type = String.valueOf(body.getOrDefault("type", ""));
        this.problem = type.substring(type.lastIndexOf('/') + 1);
        this.body = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(body));
    }

    /** command-api's problem+json as it came (title, detail, violations, …). */
    public Map<String, Object> body() {
        return body;
    }

    public int status() {
        return status;
    }

    /** The problem type's last segment, e.g. {@code upo-not-available-yet}; empty when none was given. */
    public String problem() {
        return problem;
    }
}
