package dev.ksefplatform.worker.engine.application;

import dev.ksefplatform.worker.engine.domain.InFlightInvoice;
import dev.ksefplatform.worker.engine.domain.KsefLimit;
import dev.ksefplatform.worker.engine.domain.QueuedInvoice;
import dev.ksefplatform.worker.engine.domain.SessionType;
import dev.ksefplatform.worker.engine.domain.WorkerEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The batch path for backlogs: up to 10,000 queued invoices zipped (read from the database a group at a time by
 * {@link BatchXml}, streamed to disk), the session opened and recorded with its invoices as SENDING before any part is
 * uploaded, then closed (KSeF processes a batch only once closed) and recorded as SENT. Verdicts come from the
 * session UPO and the failed list ({@link BatchVerdicts}).
 */
final class BatchSteps {

    private static final Pattern UNSAFE_IN_FILE_NAME = Pattern.compile("[^A-Za-z0-9_-]");

    private static final Duration FIRST_CHECK = Duration.ofSeconds(1);

    private final Lane lane;
    private final BatchVerdicts verdicts;

    BatchSteps(Lane lane) {
        this.lane = lane;
        this.verdicts = new BatchVerdicts(lane);
    }

    void start(int max) {
        List<QueuedInvoice> invoices = lane.deps.store().nextQueuedForBatch(lane.key, max);
        if (invoices.isEmpty()) {
            lane.state.queued = lane.deps.store().queuedCount(lane.key); // as OnlineSteps.send: a count too high
            return;
        }
        Lease lease = lane.lease(TenantCredentials.INVOICE_WRITE);
        if (!lane.acquire(KsefLimit.BATCH_SESSION, 1)) {
            return;
        }
        Map<String, String> files = fileNames(invoices);
        lane.state.buildingBatch = true;
        Ksef.Batch batch = lane.deps.ksef().prepareBatch(lane.key, invoices.get(0).form(),
                BatchXml.entries(invoices, files, lane.deps.store()));
        try {
            String ref = batch.open(lane.key, lease.accessToken());
            recordOpened(ref, invoices, files);
            List<InFlightInvoice> inFlight = inFlight(invoices, ref);
            lane.state.prepared = new LaneState.Prepared(batch, ref, inFlight);
            lane.state.queued = Math.max(0, lane.state.queued - invoices.size());
            lane.state.arrivalsSince = lane.deps.clock().instant(); // what arrives from now on gathers anew
            upload(batch, ref, invoices);
        } catch (RuntimeException e) {
            if (lane.state.prepared == null) {
                batch.close();
            }
            throw e;
        } finally {
            lane.state.buildingBatch = false;
        }
        closePrepared(false);
    }

    /** Closes the uploaded batch when the budget allows; KSeF starts processing it then. */
    void closePrepared(boolean permitTaken) {
        LaneState.Prepared prepared = lane.state.prepared;
        if (prepared == null || !permitTaken && !lane.acquire(KsefLimit.BATCH_SESSION, 1)) {
            return;
        }
        Lease lease = lane.lease(TenantCredentials.INVOICE_WRITE);
        try {
            prepared.batch().close(lane.key, lease.accessToken());
        } catch (KsefFailure.SessionGone alreadyClosed) {
            // an earlier close reached KSeF although its answer did not reach us
        }
        lane.crashPoint(CrashPoints.AFTER_BATCH_CLOSE);
        List<WorkerEvent> events = new ArrayList<>();
        prepared.invoices().forEach(i -> events.add(lane.audit.commandEvent(i.ref(), WorkerEvent.Audit.BATCH_SEND, 204,
                null, null, null, new WorkerEvent.InvoiceSent(prepared.referenceNumber(), SessionType.BATCH, null,
                        i.invoiceHash(), i.invoiceNumber(), null))));
        lane.deps.store().sent(lane.key, prepared.invoices(), prepared.invoices().size(), events);
        lane.deps.store().sessionState(lane.key, prepared.referenceNumber(), "PROCESSING", List.of(lane.audit.laneEvent(
                WorkerEvent.Audit.SESSION_CLOSE, 204, null, new WorkerEvent.SessionClosed(prepared.referenceNumber(),
                        SessionType.BATCH))));
        prepared.batch().close();
        lane.state.prepared = null;
        Map<String, InFlightInvoice> byHash = new LinkedHashMap<>();
        prepared.invoices().forEach(i -> byHash.put(i.invoiceHash(), i));
        lane.state.batches.put(prepared.referenceNumber(), new LaneState.BatchRun(prepared.referenceNumber(), true,
                lane.deps.clock().instant().plus(FIRST_CHECK), 0, byHash));
    }

    void check(String ref) {
        verdicts.check(ref);
    }

    private void recordOpened(String ref, List<QueuedInvoice> invoices, Map<String, String> files) {
        lane.deps.store().sessionOpened(lane.key, ref, SessionType.BATCH, null, "UPLOADING", List.of(
                lane.audit.laneEvent(WorkerEvent.Audit.SESSION_OPEN, 201, null,
                        new WorkerEvent.SessionOpened(ref, SessionType.BATCH, null))));
        lane.deps.store().sending(lane.key, files.keySet(), ref, SessionType.BATCH, files);
    }

    /** A failed upload leaves the session unclosed, so KSeF never processes it: the invoices are queued again. */
    private void upload(Ksef.Batch batch, String ref, List<QueuedInvoice> invoices) {
        try {
            batch.upload();
        } catch (KsefFailure failure) {
            lane.state.prepared = null;
            batch.close();
            lane.deps.store().requeued(lane.key, invoices.stream().map(i -> i.ref().commandId()).toList(), ref);
            lane.deps.store().sessionState(lane.key, ref, "ABANDONED", List.of());
            lane.state.queued += invoices.size();
            throw failure;
        }
    }

    /**
     * {@code 00001-<command id>.xml}, numbered in the batch's order (String.format and replaceAll here were 2 % of the
     * worker's CPU samples in the cost benchmark).
     */
    private static Map<String, String> fileNames(List<QueuedInvoice> invoices) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < invoices.size(); i++) {
            String id = invoices.get(i).ref().commandId();
            String number = Integer.toString(i + 1);
            files.put(id, "0".repeat(Math.max(0, 5 - number.length())) + number + "-"
                    + UNSAFE_IN_FILE_NAME.matcher(id).replaceAll("_") + ".xml");
        }
        return files;
    }

    private static List<InFlightInvoice> inFlight(List<QueuedInvoice> invoices, String ref) {
        return invoices.stream().map(i -> new InFlightInvoice(i.ref(), i.invoiceNumber(), i.invoiceHash(), ref,
                SessionType.BATCH, null, false, i.earlierSessions())).toList();
    }

    static Instant nextCheck(Instant now, int checks) {
        long seconds = Math.min(15, 1L << Math.min(checks, 4));
        return now.plusSeconds(seconds);
    }
}
