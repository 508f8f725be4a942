package dev.ksefplatform.commandapi.submission.application;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Learns from the event log's correlation ids which of the gateway's commands the read model can know by now. */
public final class EventLogProgress {

    private final CommandLog commands;
    private final Clock clock;

    public EventLogProgress(CommandLog commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /** @param correlationIds of a batch of events, in any form upstream systems chose; only UUIDs can be commands */
    public Mono<Long> seen(Collection<String> correlationIds) {
        List<String> ids = correlationIds.stream().filter(EventLogProgress::isUuid).distinct().toList();
        return ids.isEmpty() ? Mono.just(0L) : commands.markEventsSeen(ids, clock.instant());
    }

    static boolean isUuid(String value) {
        try {
            return value != null && UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
