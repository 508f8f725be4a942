package dev.ksefplatform.worker.engine.application;

import dev.ksefplatform.worker.engine.domain.QueuedInvoice;
import dev.ksefplatform.worker.engine.domain.SubmissionOutcome;
import dev.ksefplatform.worker.engine.domain.WorkerEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ends every queued command of a lane that can never act: the tenant asked for a context it does not own (a tenant
 * violation). Never retried; each command gets its final {@code InvoiceSubmissionAbandoned}.
 */
final class Abandonment {

    private static final int CHUNK = 500;

    private final Lane lane;

    Abandonment(Lane lane) {
        this.lane = lane;
    }

    void abandonQueued(String reason) {
        List<QueuedInvoice> queued;
        while (!(queued = lane.deps.store().nextQueuedForBatch(lane.key, CHUNK)).isEmpty()) {
            Map<String, String> outcomes = new LinkedHashMap<>();
            List<WorkerEvent> events = new ArrayList<>();
            for (QueuedInvoice invoice : queued) {
                outcomes.put(invoice.ref().commandId(), "ABANDONED");
                events.add(lane.audit.commandEvent(invoice.ref(), "credential.lease", 403, null, reason, null,
                        new SubmissionOutcome.Abandoned(reason, 1, invoice.invoiceNumber())));
            }
            lane.deps.store().finished(lane.key, outcomes, events);
        }
        lane.state.queued = 0;
    }
}
