package dev.ksefplatform.worker.engine.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a lane knows at one moment, for {@link LanePolicy}: its queue, its online session, the verdicts it waits for,
 * its batches, and whether it is held.
 *
 * @param queued            commands waiting to be sent
 * @param session           the online session it can send into (its key is in this instance's memory)
 * @param orphanedSessions  online sessions opened by an earlier incarnation: usable no more, to be closed
 * @param verdictsDueAt     when the earliest awaited online verdict should be asked for (null: none awaited)
 * @param unconfirmedSends  online sends whose answer was lost: to be looked up in their session's list
 * @param preparedBatch     a batch uploaded and waiting for its close
 * @param batches           closed batches KSeF is processing, and batches an earlier incarnation left unclosed
 * @param hold              why the lane waits, if it does
 * @param buildingBatch     a batch is being zipped and uploaded
 * @param batchPausedUntil  KSeF failed a batch of this lane as a whole: no batch before then (null: none)
 * @param awaitingBySession the online verdicts awaited, by session (for {@link VerdictChoice})
 * @param arrivals          when the queue began to grow and when a command last arrived (null: not seen arrive, as
 *                          after a restart)
 */
public record LaneView(long queued, Optional<OnlineSessionView> session, List<String> orphanedSessions,
                       Instant verdictsDueAt, int unconfirmedSends, boolean preparedBatch, List<BatchView> batches,
                       Optional<Hold> hold, boolean buildingBatch, Instant batchPausedUntil,
                       List<VerdictChoice.SessionAwaiting> awaitingBySession, Arrivals arrivals) {

    public LaneView {
        orphanedSessions = List.copyOf(orphanedSessions);
        batches = List.copyOf(batches);
        awaitingBySession = List.copyOf(awaitingBySession);
    }

    /** A lane whose queue was not seen arrive. */
    public LaneView(long queued, Optional<OnlineSessionView> session, List<String> orphanedSessions,
                    Instant verdictsDueAt, int unconfirmedSends, boolean preparedBatch, List<BatchView> batches,
                    Optional<Hold> hold, boolean buildingBatch, Instant batchPausedUntil,
                    List<VerdictChoice.SessionAwaiting> awaitingBySession) {
        this(queued, session, orphanedSessions, verdictsDueAt, unconfirmedSends, preparedBatch, batches, hold,
                buildingBatch, batchPausedUntil, awaitingBySession, null);
    }

    /** A lane whose awaited verdicts are not told by session: they are asked one by one. */
    public LaneView(long queued, Optional<OnlineSessionView> session, List<String> orphanedSessions,
                    Instant verdictsDueAt, int unconfirmedSends, boolean preparedBatch, List<BatchView> batches,
                    Optional<Hold> hold, boolean buildingBatch, Instant batchPausedUntil) {
        this(queued, session, orphanedSessions, verdictsDueAt, unconfirmedSends, preparedBatch, batches, hold,
                buildingBatch, batchPausedUntil, List.of());
    }

    public record OnlineSessionView(String referenceNumber, Instant validUntil, int invoices, Instant lastUsedAt) {
    }

    /** {@code closed}: KSeF processes it; otherwise an earlier incarnation opened it and may or may not have closed it. */
    public record BatchView(String referenceNumber, boolean closed, Instant nextCheckAt) {
    }

    public record Hold(HoldReason reason, Instant until) {
    }

    /** {@code since}: the first arrival into an empty queue (or since the last batch took the queue); {@code last}. */
    public record Arrivals(Instant since, Instant last) {
    }
}
