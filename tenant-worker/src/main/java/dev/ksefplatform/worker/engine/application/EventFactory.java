package dev.ksefplatform.worker.engine.application;

import dev.ksefplatform.worker.engine.domain.CommandRef;
import dev.ksefplatform.worker.engine.domain.WorkerEvent;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/** Stamps events with a fresh id and the time; the only place the worker's events get their identity. */
public class EventFactory {

    private final Supplier<String> ids;
    private final Clock clock;

    public EventFactory(Supplier<String> ids, Clock clock) {
        this.ids = ids;
        this.clock = clock;
    }

    public static EventFactory randomIds(Clock clock) {
        return new EventFactory(() -> UUID.randomUUID().toString(), clock);
    }

    public WorkerEvent event(CommandRef cause, WorkerEvent.Audit audit, WorkerEvent.Payload payload) {
        return new WorkerEvent(ids.get(), clock.instant(), cause, audit, payload);
    }
}
