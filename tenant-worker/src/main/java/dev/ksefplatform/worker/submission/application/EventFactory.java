package dev.ksefplatform.worker.submission.application;

import dev.ksefplatform.worker.submission.domain.CommandRef;
import dev.ksefplatform.worker.submission.domain.WorkerEvent;
import java.time.Clock;

/** Stamps events with a fresh id and the time; the only place the worker's events get their identity. */
public class EventFactory {

    private final IdGenerator ids;
    private final Clock clock;

    public EventFactory(IdGenerator ids, Clock clock) {
        this.ids = ids;
        this.clock = clock;
    }

    public WorkerEvent event(CommandRef cause, WorkerEvent.Audit audit, WorkerEvent.Payload payload) {
        return new WorkerEvent(ids.newId(), clock.instant(), cause, audit, payload);
    }
}
