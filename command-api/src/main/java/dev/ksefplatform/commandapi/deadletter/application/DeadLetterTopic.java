package dev.ksefplatform.commandapi.deadletter.application;

import dev.ksefplatform.commandapi.deadletter.domain.DeadLetter;
import dev.ksefplatform.commandapi.deadletter.domain.DeadLetterAddress;
import dev.ksefplatform.commandapi.deadletter.domain.Redrive;
import java.util.List;
import reactor.core.publisher.Mono;

/** {@code ksef.commands.v1-dlt}: bounded reads (one record, or the newest few), and a re-drive's two records. */
public interface DeadLetterTopic {

    /** The record at that address, or empty when there is none (never written, or gone with the retention). */
    Mono<DeadLetter> read(DeadLetterAddress address);

    /** The newest dead letters across partitions, newest first. */
    Mono<List<DeadLetter>> latest(int limit);

    /**
     * Re-publishes the dead letter's command to {@code ksef.commands.v1} (same key, bytes and ids, header {@code
     * ksef-redrive-of}) and then {@code CommandRedriven}, both acknowledged; a repeat publishes the same records.
     */
    Mono<Void> publish(Redrive redrive);
}
