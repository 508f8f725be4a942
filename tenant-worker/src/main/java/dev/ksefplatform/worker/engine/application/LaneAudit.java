package dev.ksefplatform.worker.engine.application;

import dev.ksefplatform.worker.engine.domain.CommandRef;
import dev.ksefplatform.worker.engine.domain.KsefLimit;
import dev.ksefplatform.worker.engine.domain.WorkerEvent;
import java.util.List;

/**
 * Makes a lane's events: every one names the context, and — from the lease in use — the integration account and the
 * provider that acted, so every regulated action is traceable to the account that performed it.
 */
final class LaneAudit {

    private final Lane lane;

    LaneAudit(Lane lane) {
        this.lane = lane;
    }

    WorkerEvent laneEvent(String operation, Integer httpStatus, String error, WorkerEvent.Payload payload) {
        return commandEvent(lane.laneRef(), operation, httpStatus, null, error, null, payload);
    }

    WorkerEvent commandEvent(CommandRef ref, String operation, Integer httpStatus, Long durationMillis, String error,
                             Integer ksefCode, WorkerEvent.Payload payload) {
        Lease lease = lane.state.lease;
        CommandRef.Actor actor = ref.actor() != null ? ref.actor() : CommandRef.Actor.WORKER;
        WorkerEvent.Audit audit = new WorkerEvent.Audit(operation, lane.key.contextNip(),
                lease == null ? null : lease.providerNip(), httpStatus, durationMillis, error,
                lease == null ? null : lease.integrationId(), ksefCode, actor);
        return lane.deps.events().event(ref, audit, payload);
    }

    void record(List<WorkerEvent> events) {
        lane.deps.store().record(lane.key, events);
    }

    static String operationOf(KsefLimit limit) {
        if (limit == null) {
            return "ksef.call";
        }
        switch (limit) {
            case ONLINE_SESSION:
                return "ksef.session";
            case INVOICE_SEND:
                return WorkerEvent.Audit.INVOICE_SEND;
            case BATCH_SESSION:
                return WorkerEvent.Audit.BATCH_SEND;
            default:
                return WorkerEvent.Audit.INVOICE_VERDICT;
        }
    }
}
