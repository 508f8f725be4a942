package dev.ksefplatform.worker.engine.application;

import dev.ksefplatform.worker.engine.domain.InFlightInvoice;
import dev.ksefplatform.worker.engine.domain.LaneKey;
import dev.ksefplatform.worker.engine.domain.QueuedInvoice;
import dev.ksefplatform.worker.engine.domain.SessionType;
import dev.ksefplatform.worker.engine.domain.WorkerEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The worker's durable state. Every method is one database transaction that also writes the given events to the
 * outbox, and that changes nothing (throwing {@link LostOwnership}) when this instance no longer owns the lane's
 * partition.
 */
public interface LaneStore {

    /** Lanes with unfinished commands or live sessions in the given partitions. */
    List<LaneKey> lanesWithWork(Set<Integer> partitions);

    /** What the database knows of a lane when it (re)starts in this instance. */
    StoredLane load(LaneKey lane);

    long queuedCount(LaneKey lane);

    /** The oldest queued invoices, with their XML. */
    List<QueuedInvoice> nextQueued(LaneKey lane, int max);

    /** The oldest queued invoices without their XML (for a batch), at most one per invoice hash. */
    List<QueuedInvoice> nextQueuedForBatch(LaneKey lane, int max);

    /** The XML of queued or sending commands by command id, read while a batch is zipped (a few at a time). */
    Map<String, byte[]> xml(Collection<String> commandIds);

    void sessionOpened(LaneKey lane, String sessionRef, SessionType type, Instant validUntil, String state,
                       List<WorkerEvent> events);

    void sessionState(LaneKey lane, String sessionRef, String state, List<WorkerEvent> events);

    /** QUEUED → SENDING in {@code sessionRef}, before anything is sent ({@code batchFiles}: command id → ZIP entry). */
    void sending(LaneKey lane, Collection<String> commandIds, String sessionRef, SessionType type,
                 Map<String, String> batchFiles);

    /** SENDING → SENT (with the invoice references KSeF gave, if any). */
    void sent(LaneKey lane, List<InFlightInvoice> invoices, int sessionInvoicesAdded, List<WorkerEvent> events);

    /** SENDING → QUEUED: the invoices never reached {@code sessionRef}, which is remembered as a session they may have. */
    void requeued(LaneKey lane, Collection<String> commandIds, String sessionRef);

    /** → DONE with the outcome (and the final events). */
    void finished(LaneKey lane, Map<String, String> outcomes, List<WorkerEvent> events);

    /** QUEUED → DONE {@code DEAD_LETTERED}: each command rebuilt for the dead-letter topic, with its event. */
    void deadLettered(LaneKey lane, Collection<String> commandIds, String reason);

    /** Events that change no command (held, resumed, a failed call). */
    void record(LaneKey lane, List<WorkerEvent> events);

    /** Whether another command of the lane holds {@code invoiceRef}: then a 440 pointing at it is not this one's. */
    boolean invoiceRefTaken(LaneKey lane, String invoiceRef, String exceptCommandId);

    /** A lane's rows as stored. */
    record StoredLane(long queued, List<InFlightInvoice> inFlight, List<StoredSession> sessions) {
    }

    /** A live session: an online one OPEN (its key died with the process that opened it), a batch UPLOADING or PROCESSING. */
    record StoredSession(String referenceNumber, SessionType type, String state, Instant validUntil, int invoices) {
    }

    /** This instance no longer owns the lane's partition: it must stop acting for the lane. */
    final class LostOwnership extends RuntimeException {
        public LostOwnership(LaneKey lane) {
            super("partition " + lane.partition() + " of lane " + lane + " is owned by another instance now");
        }
    }
}
