package dev.ksefplatform.support.projection.domain;

/** Where a record sits in the event log; the unit of exactly-once application. */
public record RecordPosition(String consumerGroup, String topic, int partition, long offset) {

    /** No offset stored yet for a partition. */
    public static final long NONE_APPLIED = -1L;

    /** True when a stored last-applied offset already covers this record. */
    public boolean isCoveredBy(long lastAppliedOffset) {
        return offset <= lastAppliedOffset;
    }
}
