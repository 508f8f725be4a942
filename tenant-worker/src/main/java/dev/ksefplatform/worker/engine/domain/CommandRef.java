package dev.ksefplatform.worker.engine.domain;

import java.util.Objects;

/** Which command an event answers: every event it causes carries these ids, and its actor for the audit log. */
public record CommandRef(String commandId, String tenantId, String correlationId, Actor actor) {

    public CommandRef {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(tenantId, "tenantId");
        correlationId = correlationId == null ? commandId : correlationId;
    }

    /** A lane's own work, serving many commands: its id (and correlation) {@code lane:<environment>:<NIP>}. */
    public static CommandRef ofLane(LaneKey key) {
        return new CommandRef("lane:" + key.environment() + ":" + key.contextNip(), key.tenantId(), null, Actor.WORKER);
    }

    /** Who asked: TENANT, UPSTREAM, STAFF or SYSTEM, with an id; null when the command did not say. */
    public record Actor(String type, String id, String onBehalfOf) {

        public static final Actor WORKER = new Actor("SYSTEM", "tenant-worker", null);
    }
}
