package dev.ksefplatform.sync.schedule.application;

import dev.ksefplatform.sync.inbox.application.SyncStates;
import dev.ksefplatform.sync.inbox.domain.SubjectTypes;
import dev.ksefplatform.sync.inbox.domain.SyncState;
import dev.ksefplatform.sync.integration.application.Integrations;
import dev.ksefplatform.sync.integration.domain.Integration;
import dev.ksefplatform.sync.schedule.domain.ScheduleSettings;
import dev.ksefplatform.sync.schedule.domain.SyncDue;
import dev.ksefplatform.sync.schedule.domain.SyncRun;
import dev.ksefplatform.support.tenancy.application.TenantScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/** A tenant's inbox sync state per subject type: how far it got, how the last attempts went, what runs, what is next. */
public final class SyncStatusQueries {

    private final SyncStates states;
    private final SyncRuns runs;
    private final Integrations integrations;
    private final ScheduleSettings settings;
    private final Clock clock;
    private final TenantScope scope;

    public SyncStatusQueries(SyncStates states, SyncRuns runs, Integrations integrations, ScheduleSettings settings,
                             Clock clock, TenantScope scope) {
        this.states = states;
        this.runs = runs;
        this.integrations = integrations;
        this.settings = settings;
        this.clock = clock;
        this.scope = scope;
    }

    /**
     * One status per subject type, in {@link SubjectTypes#ALL} order. The runs are read first, the states after: a
     * sync's end and its new state commit together, so a run seen ended comes with its state; read side by side, a
     * sync that had just completed could show as ended without success or mark.
     */
    public Mono<List<SyncStatus>> of(String tenantId) {
        Mono<Map<String, SyncRun>> byRun = runs.ofTenant(tenantId).collectMap(SyncRun::subjectType, Function.identity());
        Mono<Optional<Integration>> reading = integrations.inboxOf(tenantId).map(Optional::of).defaultIfEmpty(Optional.empty());
        return scope.read(tenantId, byRun.flatMap(run -> states.ofTenant(tenantId)
                .collectMap(SyncState::subjectType, Function.identity())
                .zipWith(reading, (state, integration) -> SubjectTypes.ALL.stream().map(subject -> status(tenantId,
                        subject, Optional.ofNullable(state.get(subject)), Optional.ofNullable(run.get(subject)),
                        integration)).toList())));
    }

    private SyncStatus status(String tenantId, String subject, Optional<SyncState> state, Optional<SyncRun> run,
                              Optional<Integration> reading) {
        Instant now = clock.instant();
        Instant mark = state.map(SyncState::highWaterMark).orElse(null);
        Optional<SyncRun> running = run.filter(r -> r.isRunning(now, settings.runningTimeout()));
        Instant next = reading.flatMap(i -> settings.of(subject).map(s -> SyncDue.nextSync(i.activeSince(), run, s,
                tenantId))).orElse(null);
        return new SyncStatus(subject, mark, mark == null ? null : Duration.between(mark, now),
                state.map(SyncState::lastSuccessAt).orElse(null), state.map(SyncState::lastAttemptAt).orElse(null),
                state.map(SyncState::consecutiveFailures).orElse(0), state.map(SyncState::lastFailureReason).orElse(null),
                running.map(SyncRun::runningCommandId).orElse(null), running.map(SyncRun::runningSince).orElse(null),
                reading.isPresent(), next);
    }

    /**
     * @param lag           now − high-water mark: how far the inbox is behind KSeF (null before the first window)
     * @param scheduled     whether the tenant has an integration whose inbox is read
     * @param nextSyncAt    when the schedule issues the next sync (null when not scheduled)
     */
    public record SyncStatus(String subjectType, Instant highWaterMark, Duration lag, Instant lastSuccessAt,
                             Instant lastAttemptAt, int consecutiveFailures, String lastFailureReason,
                             String runningCommandId, Instant runningSince, boolean scheduled, Instant nextSyncAt) {
    }
}
