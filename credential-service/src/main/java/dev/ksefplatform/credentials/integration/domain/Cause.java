package dev.ksefplatform.credentials.integration.domain;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who caused a piece of the vault's work, and in which flow: the actor of the audit log (TENANT, UPSTREAM, STAFF or
 * SYSTEM, with an id and, for STAFF, whom they act for) and the correlation and causation ids its events carry. A
 * null correlation lets an event correlate with itself.
 */
public record Cause(String actorType, String actorId, String onBehalfOf, String correlationId, String causationId) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]{1,100}");
    private static final Set<String> TYPES = Set.of("TENANT", "UPSTREAM", "STAFF", "SYSTEM");

    /** The service's own schedules (re-verification, the auth-session sweep). */
    public static final Cause SYSTEM = new Cause("SYSTEM", "credential-service", null, null, null);

    public Cause {
        if (!TYPES.contains(actorType) || !valid(actorId) || !optional(onBehalfOf) || !optional(correlationId)
                || !optional(causationId)) {
            throw new InvalidRequest("actor type must be TENANT, UPSTREAM, STAFF or SYSTEM and actor, correlation "
                    + "and causation ids 1-100 characters of [A-Za-z0-9._:@-]");
        }
    }

    /** tenant-worker's work for one of its commands (a lease, a re-check). */
    public static Cause worker(String correlationId, String causationId) {
        return new Cause("SYSTEM", "tenant-worker", null, correlationId, causationId);
    }

    private static boolean valid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    private static boolean optional(String id) {
        return id == null || valid(id);
    }
}
