package dev.ksefplatform.sync.schedule.application;

import dev.ksefplatform.sync.integration.domain.Integration;
import dev.ksefplatform.sync.schedule.domain.SyncCandidate;
import dev.ksefplatform.sync.schedule.domain.SyncOrder;
import dev.ksefplatform.sync.schedule.domain.SyncOrder.Trigger;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/** Makes sync orders, with the time and command ids injected. */
public final class SyncOrders {

    public static final String SYSTEM = "SYSTEM";
    public static final String TENANT = "TENANT";

    private final Clock clock;
    private final Supplier<String> commandIds;

    public SyncOrders(Clock clock, Supplier<String> commandIds) {
        this.clock = clock;
        this.commandIds = commandIds;
    }

    public Instant now() {
        return clock.instant();
    }

    public SyncOrder scheduled(SyncCandidate candidate, Instant now) {
        return order(candidate, Trigger.SCHEDULE, SYSTEM, SyncOrder.SCHEDULE_ACTOR, now);
    }

    public SyncOrder requested(SyncCandidate candidate, String requestedBy) {
        return order(candidate, Trigger.REQUEST, TENANT, requestedBy, clock.instant());
    }

    private SyncOrder order(SyncCandidate candidate, Trigger trigger, String actorType, String actorId, Instant now) {
        Integration integration = candidate.integration();
        return new SyncOrder(commandIds.get(), integration.tenantId(), integration.environment(),
                integration.taxpayerNip(), candidate.subjectType(), trigger, candidate.highWaterMark(), actorType,
                actorId, now);
    }
}
