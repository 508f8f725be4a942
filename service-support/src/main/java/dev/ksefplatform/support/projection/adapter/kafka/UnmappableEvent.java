package dev.ksefplatform.support.projection.adapter.kafka;

/** A decoded envelope that cannot become a domain event: poison, skipped like an undecodable record. */
public final class UnmappableEvent extends RuntimeException {

    public UnmappableEvent(String eventId, String why) {
        super("event " + eventId + " cannot be mapped: " + why);
    }
}
