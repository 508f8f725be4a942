package dev.ksefplatform.sync.schedule.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.sync.inbox.application.SyncStates;
import dev.ksefplatform.sync.inbox.domain.SyncState;
import dev.ksefplatform.sync.integration.application.Integrations;
import dev.ksefplatform.sync.integration.domain.Integration;
import dev.ksefplatform.sync.schedule.domain.ScheduleSettings;
import dev.ksefplatform.sync.schedule.domain.SyncOrder;
import dev.ksefplatform.sync.schedule.domain.SyncRun;
import dev.ksefplatform.support.tenancy.application.TenantScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class SyncStatusQueriesTest {

    private static final Instant NOW = Instant.parse("2026-12-03T05:00:00Z");
    private static final String TENANT = "tenant-a";

    /** The sync's end and its new state commit together; here that commit lands right after the first read. */
    private final AtomicBoolean committed = new AtomicBoolean();

    @Test
    void aSyncCompletingWhileTheStateIsReadNeverShowsAsEndedWithoutItsSuccess() {
        SyncStatusQueries queries = new SyncStatusQueries(new States(), new Runs(), new NoIntegration(),
                new ScheduleSettings(List.of(), Duration.ofHours(2)), Clock.fixed(NOW, ZoneOffset.UTC), new NoScope());

        SyncStatusQueries.SyncStatus subject2 = queries.of(TENANT).block().get(1);

        assertThat(subject2.subjectType()).isEqualTo("Subject2");
        assertThat(subject2.runningCommandId() != null || subject2.lastSuccessAt() != null)
                .as("neither running nor succeeded: %s", subject2).isTrue();
    }

    /** Reads what is committed at the moment it is subscribed to; the first read of the two lets the commit land. */
    private <T> Flux<T> read(T before, T after) {
        return Flux.defer(() -> Flux.just(committed.getAndSet(true) ? after : before));
    }

    private final class States implements SyncStates {
        @Override
        public Flux<SyncState> ofTenant(String tenantId) {
            return read(new SyncState(TENANT, "Subject2", null, null, null, 0, null, null, NOW),
                    new SyncState(TENANT, "Subject2", NOW, NOW, NOW, 0, null, "e2", NOW));
        }

        @Override
        public Flux<SyncState> findAll(Collection<SyncState.SyncKey> keys) {
            return Flux.empty();
        }

        @Override
        public Mono<Void> saveAll(Collection<SyncState> states) {
            return Mono.empty();
        }
    }

    private final class Runs implements SyncRuns {
        @Override
        public Flux<SyncRun> ofTenant(String tenantId) {
            return read(new SyncRun(TENANT, "Subject2", "c1", NOW, "c1", "REQUEST", NOW, null),
                    new SyncRun(TENANT, "Subject2", null, null, "c1", "REQUEST", NOW, NOW));
        }

        @Override
        public Mono<Boolean> claim(SyncOrder order, Instant staleBefore) {
            return Mono.just(false);
        }

        @Override
        public Mono<Void> finish(List<FinishedSync> finished) {
            return Mono.empty();
        }

        @Override
        public Mono<Void> abandon(List<FinishedSync> abandoned) {
            return Mono.empty();
        }

        @Override
        public Mono<SyncRun> find(String tenantId, String subjectType) {
            return Mono.empty();
        }

        @Override
        public Flux<SyncRun> all() {
            return Flux.empty();
        }
    }

    private static final class NoIntegration implements Integrations {
        @Override
        public Flux<Integration> findAll(Collection<String> integrationIds) {
            return Flux.empty();
        }

        @Override
        public Mono<Void> saveAll(Collection<Integration> integrations) {
            return Mono.empty();
        }

        @Override
        public Mono<Integration> inboxOf(String tenantId) {
            return Mono.empty();
        }

        @Override
        public Mono<Integration> latestOf(String tenantId) {
            return Mono.empty();
        }

        @Override
        public Flux<Integration> readingInboxes() {
            return Flux.empty();
        }
    }

    /** The ordering under test does not depend on the database's scope (RowLevelSecurityIT proves that). */
    private static final class NoScope implements TenantScope {
        @Override
        public <T> Mono<T> read(String tenantId, Mono<T> work) {
            return work;
        }

        @Override
        public <T> Flux<T> readMany(String tenantId, Flux<T> work) {
            return work;
        }
    }
}
