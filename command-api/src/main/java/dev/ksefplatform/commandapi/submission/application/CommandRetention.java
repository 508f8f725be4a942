package dev.ksefplatform.commandapi.submission.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Deletes commands from the gateway's log once they are older than {@code keep}: the event log is the record of a
 * command, and the read model answers for it once the event log has shown it; a log that keeps every command ever
 * accepted grows without bound (at KSeF's national load, about 120 million rows a day). A round deletes at most
 * {@code batch} rows; a round that deleted a full batch is followed by the next at once, so a backlog of old rows
 * drains as fast as the database deletes them. What the rows guarded and what guards it after them: README, "Retention".
 */
public final class CommandRetention {

    private final CommandLog commands;
    private final Duration keep;
    private final int batch;
    private final Clock clock;

    public CommandRetention(CommandLog commands, Duration keep, int batch, Clock clock) {
        this.commands = commands;
        this.keep = keep;
        this.batch = batch;
        this.clock = clock;
    }

    /** Commands accepted before this instant may have left the log. */
    public Instant horizon() {
        return clock.instant().minus(keep);
    }

    /** Rounds until one deletes less than a full batch; emits how many rows they deleted in all. */
    public Mono<Long> drain() {
        return round().expand(deleted -> deleted >= batch ? round() : Mono.empty()).reduce(0L, Long::sum);
    }

    private Mono<Long> round() {
        return Mono.defer(() -> commands.prune(horizon(), batch));
    }
}
