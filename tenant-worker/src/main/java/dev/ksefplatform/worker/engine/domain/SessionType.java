package dev.ksefplatform.worker.engine.domain;

/** KSeF's two ways in: one invoice per request, or a ZIP of up to 10,000. Wire names as in the events. */
public enum SessionType {
    ONLINE("Online"), BATCH("Batch");

    private final String wireName;

    SessionType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static SessionType of(String wireName) {
        return ONLINE.wireName.equals(wireName) ? ONLINE : BATCH;
    }
}
