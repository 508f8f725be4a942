package dev.ksefplatform.support.projection.application;

import java.time.Duration;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Rebuilds the read models by truncating them (with the offsets, in one transaction) and replaying the log. */
public final class ReadModelRebuild {

    private static final Duration RESET_TIMEOUT = Duration.ofMinutes(5);

    private final ReadModelReset reset;
    private final EventReplay replay;
    private final TransactionalOperator transaction;

    public ReadModelRebuild(ReadModelReset reset, EventReplay replay, TransactionalOperator transaction) {
        this.reset = reset;
        this.replay = replay;
        this.transaction = transaction;
    }

    /** Blocking: call it off the event loop. */
    public void rebuild() {
        replay.replayFromStart(() -> reset.truncateAll().as(transaction::transactional).block(RESET_TIMEOUT));
    }
}
