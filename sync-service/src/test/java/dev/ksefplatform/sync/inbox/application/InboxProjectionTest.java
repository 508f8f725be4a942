package dev.ksefplatform.sync.inbox.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.sync.inbox.domain.InboxEntry;
import dev.ksefplatform.sync.inbox.domain.InboxFilter;
import dev.ksefplatform.sync.inbox.domain.RawDocument;
import dev.ksefplatform.sync.projection.domain.EventMeta;
import dev.ksefplatform.sync.projection.domain.InvoiceReceived;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

class InboxProjectionTest {

    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    private final Set<String> threads = ConcurrentHashMap.newKeySet();

    @Test
    void parsesAndAssemblesItsStatementsOnTheFoldingSchedulerNotOnTheThreadThatSubscribes() {
        Scheduler folding = Schedulers.newSingle("inbox-fold-test");
        InvoiceFactsReader reader = xml -> {
            threads.add("read " + Thread.currentThread().getName());
            throw new UnreadableInvoice("not FA(3)", null);
        };
        InboxProjection projection = new InboxProjection(new Documents(), new Entries(), reader, folding);

        projection.apply(List.of(received("5265877635-20261120-0123456789AB-01"))).block();
        folding.dispose();

        assertThat(threads).hasSize(3).allSatisfy(thread -> assertThat(thread).contains("inbox-fold-test"));
    }

    private static InvoiceReceived received(String ksefNumber) {
        return new InvoiceReceived(new EventMeta("e1", "tenant-a", "sync-1", T0, "5265877635"), ksefNumber,
                "Subject2", "5265877635", "FV/1", LocalDate.of(2026, 11, 20), T0.minusSeconds(5), "hash",
                "<Faktura/>".getBytes(StandardCharsets.UTF_8));
    }

    private final class Documents implements DocumentStore {
        @Override
        public Mono<Void> appendAll(List<RawDocument> documents) {
            threads.add("append " + Thread.currentThread().getName());
            return Mono.empty();
        }

        @Override
        public Mono<RawDocument> find(String tenantId, String ksefNumber) {
            return Mono.empty();
        }
    }

    private final class Entries implements InboxEntries {
        @Override
        public Mono<Void> insertAll(List<InboxEntry> entries) {
            threads.add("insert " + Thread.currentThread().getName());
            return Mono.empty();
        }

        @Override
        public Mono<InboxEntry> find(String tenantId, String ksefNumber) {
            return Mono.empty();
        }

        @Override
        public Flux<InboxEntry> page(String tenantId, InboxFilter filter, InboxCursor after, int limit) {
            return Flux.empty();
        }

        @Override
        public Flux<dev.ksefplatform.sync.inbox.domain.DailyArrivals> arrivalsPerDay(String tenantId,
                java.time.LocalDate from, java.time.LocalDate to) {
            return Flux.empty();
        }
    }
}
