package dev.ksefplatform.sync.projection.domain;

/** Where a record sits in the event log; the unit of exactly-once application. */
public record RecordPosition(String consumerGroup, String topic, int partition, long offset) {

    /** True when a stored last-applied offset already covers this record. */
    public boolean isCoveredBy(long lastAppliedOffset) {
        return offset <= lastAppliedOffset;
    }
}
