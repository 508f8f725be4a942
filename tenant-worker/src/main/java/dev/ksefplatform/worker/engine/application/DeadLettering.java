package dev.ksefplatform.worker.engine.application;

import dev.ksefplatform.worker.engine.domain.QueuedInvoice;
import java.util.List;

/**
 * Ends every queued command of a lane that can never act: the vault knows no integration of the tenant for the
 * context (a tenant violation, or an integration not registered yet). Nothing was sent to KSeF, so each command is
 * dead-lettered ({@code ksef.commands.v1-dlt} + {@code CommandDeadLettered}) rather than abandoned: once the tenant
 * registers the integration, an operator can re-drive it and it runs as if it had just arrived.
 */
final class DeadLettering {

    private static final int CHUNK = 100;

    private final Lane lane;

    DeadLettering(Lane lane) {
        this.lane = lane;
    }

    void deadLetterQueued(String reason) {
        List<QueuedInvoice> queued;
        while (!(queued = lane.deps.store().nextQueuedForBatch(lane.key, CHUNK)).isEmpty()) {
            lane.deps.store().deadLettered(lane.key, queued.stream().map(q -> q.ref().commandId()).toList(), reason);
        }
        lane.state.queued = 0;
    }
}
