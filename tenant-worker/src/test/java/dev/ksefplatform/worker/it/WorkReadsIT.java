package dev.ksefplatform.worker.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.testsupport.QueryPlans;
import dev.ksefplatform.worker.engine.adapter.jdbc.PartitionFence;
import dev.ksefplatform.worker.outbox.adapter.jdbc.JdbcOutboxStore;
import dev.ksefplatform.worker.outbox.application.OutboxRecord;
import dev.ksefplatform.worker.upo.adapter.jdbc.JdbcUpoStore;
import dev.ksefplatform.worker.upo.domain.UpoFetch;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The two reads the worker repeats under load — the outbox relay's next batch and the UPO thread's due rows — on a
 * real PostgreSQL with the worker's own migrations: the oldest rows of the owned partitions only, in order, at most the
 * limit, whichever partitions hold them (each is read per partition, then merged); and the UPO thread's linking of a
 * listed session's rows, one index lookup per row (it read the whole session per row: O(N²) for a batch of N); and the
 * intake's queueing of a poll's commands, one statement of arrays whose every field lands in its column; and which
 * columns keep planner statistics (V9: a small sample's, for those a statement filters, joins, groups or orders by).
 */
class WorkReadsIT {

    private static final String DATABASE = "work_reads_it";
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void migrate() throws Exception {
        jdbc = WorkerDatabase.migrated(DATABASE);
    }

    @BeforeEach
    void ownership() {
        jdbc.execute("TRUNCATE worker.outbox, worker.upo_fetches, worker.partition_owners");
        for (int partition = 0; partition < 3; partition++) {
            jdbc.update("INSERT INTO worker.partition_owners (partition, owner, epoch, since) VALUES (?, ?, 1, now())",
                    partition, partition == 1 ? "other" : "me");
        }
    }

    @Test
    void theRelayReadsTheOldestRowsOfItsOwnPartitionsInOrder() {
        List<Long> mine = new ArrayList<>();
        for (int i = 0; i < 30; i++) { // partition 0 takes the first ten, then 1 and 2 alternate
            int partition = i < 10 ? 0 : i % 2 == 0 ? 1 : 2;
            long id = outbox(partition, "m-" + i);
            if (partition != 1) {
                mine.add(id);
            }
        }
        JdbcOutboxStore store = new JdbcOutboxStore(jdbc, "me");

        assertThat(ids(store.next(4))).containsExactlyElementsOf(mine.subList(0, 4));
        assertThat(ids(store.next(12))).containsExactlyElementsOf(mine.subList(0, 12));
        assertThat(ids(store.next(100))).containsExactlyElementsOf(mine);
        OutboxRecord first = store.next(1).get(0);
        assertThat(first.topic()).isEqualTo("ksef.events.v1");
        assertThat(first.value()).isEqualTo("m-0".getBytes());

        store.delete(mine.subList(0, 11));
        assertThat(ids(store.next(3))).containsExactlyElementsOf(mine.subList(11, 14));
        assertThat(new JdbcOutboxStore(jdbc, "other").next(100)).extracting(r -> new String(r.value()))
                .containsExactly("m-10", "m-12", "m-14", "m-16", "m-18", "m-20", "m-22", "m-24", "m-26", "m-28");
    }

    @Test
    void theUpoThreadReadsTheEarliestDueRowsOfTheGivenPartitionsOnly() {
        Instant now = Instant.parse("2026-12-05T03:00:00Z");
        upo("late-0", 0, now.minusSeconds(10), "PENDING");
        upo("early-2", 2, now.minusSeconds(50), "PENDING");
        upo("early-0", 0, now.minusSeconds(40), "PENDING");
        upo("mid-2", 2, now.minusSeconds(30), "PENDING");
        upo("other-1", 1, now.minusSeconds(60), "PENDING");
        upo("done-0", 0, now.minusSeconds(70), "DONE");
        upo("future-2", 2, now.plusSeconds(5), "PENDING");
        JdbcUpoStore store = new JdbcUpoStore(jdbc, null, null);

        assertThat(commands(store.due(Set.of(0, 2), 3, now))).containsExactly("early-2", "early-0", "mid-2");
        assertThat(commands(store.due(Set.of(0, 2), 10, now))).containsExactly("early-2", "early-0", "mid-2", "late-0");
        assertThat(commands(store.due(Set.of(0, 2), 10, now.plusSeconds(5)))).endsWith("late-0", "future-2");
        assertThat(commands(store.due(Set.of(1), 10, now))).containsExactly("other-1");
        assertThat(store.due(Set.of(), 10, now)).isEmpty();
    }

    @Test
    void aPollsCommandsAreQueuedEachFieldInItsColumnAndACommandTakenTwiceOnce() {
        jdbc.execute("TRUNCATE worker.commands CASCADE");
        org.springframework.transaction.support.TransactionTemplate tx =
                new org.springframework.transaction.support.TransactionTemplate(
                        new org.springframework.jdbc.datasource.DataSourceTransactionManager(jdbc.getDataSource()));
        var store = new dev.ksefplatform.worker.intake.adapter.jdbc.JdbcIntakeStore(jdbc, tx,
                new dev.ksefplatform.worker.outbox.adapter.jdbc.OutboxWriter(jdbc, null, () -> { }));
        Instant received = Instant.parse("2026-12-06T09:30:01.123456Z");
        var lane = new dev.ksefplatform.worker.engine.domain.LaneKey("tenant-a", "TEST", "5260250274", 2);
        var form = new dev.ksefplatform.worker.engine.domain.InvoiceForm("FA (3)", "1-0E", "FA");
        var taken = dev.ksefplatform.worker.intake.application.Taken.empty();
        for (int i = 0; i < 3; i++) {
            var actor = i == 0 ? new dev.ksefplatform.worker.engine.domain.CommandRef.Actor("USER", "u-1", "t-9") : null;
            var ref = new dev.ksefplatform.worker.engine.domain.CommandRef("c-" + Math.min(i, 1), "tenant-a",
                    "corr-" + i, actor);
            taken.commands().add(new dev.ksefplatform.worker.intake.application.NewCommand(ref, lane,
                    dev.ksefplatform.worker.intake.application.NewCommand.SUBMIT_INVOICE, "erp", received, form,
                    "FV/" + i, "hash-" + i, i == 0, ("<Faktura n=\"" + i + "\"/>").getBytes(), 40L + i));
        }

        store.store("ksef.commands.v1", taken, java.util.Map.of(), java.util.Map.of(2, 42L));

        assertThat(jdbc.queryForList("""
                SELECT command_id, tenant_id, partition, kind, environment, context_nip, correlation_id, source,
                       actor_type, actor_id, actor_on_behalf_of, received_at = '2026-12-06T09:30:01.123456Z' AS at,
                       form_system_code, form_schema_version, form_value, invoice_number, invoice_hash, offline_mode,
                       convert_from(xml, 'UTF8') AS xml, source_offset, state
                  FROM worker.commands ORDER BY command_id""").stream().map(java.util.Map::values)
                .<List<Object>>map(ArrayList::new).toList()).containsExactly(
                List.<Object>of("c-0", "tenant-a", 2, "SUBMIT_INVOICE", "TEST", "5260250274", "corr-0", "erp", "USER", "u-1",
                        "t-9", true, "FA (3)", "1-0E", "FA", "FV/0", "hash-0", true, "<Faktura n=\"0\"/>", 40L,
                        "QUEUED"),
                java.util.Arrays.<Object>asList("c-1", "tenant-a", 2, "SUBMIT_INVOICE", "TEST", "5260250274", "corr-1", "erp",
                        null, null, null, true, "FA (3)", "1-0E", "FA", "FV/1", "hash-1", false, "<Faktura n=\"1\"/>",
                        41L, "QUEUED"));
    }

    @Test
    void aSessionListingLinksEachPendingRowByItsHashInOneStatementThroughTheIndex() {
        int rows = 3_000;
        java.util.Map<String, dev.ksefplatform.worker.upo.application.UpoStore.Listed> listed = new java.util.HashMap<>();
        for (int i = 0; i < rows; i++) {
            jdbc.update("""
                    INSERT INTO worker.upo_fetches (command_id, tenant_id, partition, environment, context_nip,
                        correlation_id, ksef_number, session_ref, invoice_hash, state, not_before)
                    VALUES (?, 'tenant-a', 0, 'TEST', '5260250274', 'corr', ?, 'batch-1', ?, 'PENDING', now())""",
                    "c-" + i, "ksef-" + i, "hash-" + i);
            listed.put("hash-" + i, new dev.ksefplatform.worker.upo.application.UpoStore.Listed("ref-" + i, "https://upo/" + i));
        }
        upo("other-session", 0, Instant.now(), "PENDING");
        jdbc.execute("ANALYZE worker.upo_fetches");
        JdbcUpoStore store = new JdbcUpoStore(jdbc, null, null);

        store.listed("batch-1", listed);

        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM worker.upo_fetches WHERE session_ref = 'batch-1'
                   AND invoice_ref = 'ref-' || substr(command_id, 3) AND upo_url = 'https://upo/' || substr(command_id, 3)""",
                Integer.class)).isEqualTo(rows);
        assertThat(jdbc.queryForObject("SELECT invoice_ref FROM worker.upo_fetches WHERE command_id = 'other-session'",
                String.class)).isNull();
        String plan = String.join("\n", jdbc.queryForList("""
                EXPLAIN UPDATE worker.upo_fetches f SET invoice_ref = l.invoice_ref, upo_url = l.upo_url
                  FROM unnest('{hash-7,hash-8}'::text[], '{r7,r8}'::text[], '{u7,u8}'::text[])
                       AS l(invoice_hash, invoice_ref, upo_url)
                 WHERE f.session_ref = 'batch-1' AND f.invoice_hash = l.invoice_hash AND f.state = 'PENDING'""",
                String.class));
        assertThat(plan).as(plan).contains("Index Cond: (((session_ref)::text = 'batch-1'::text)"
                + " AND ((invoice_hash)::text = l.invoice_hash))");
    }

    @Test
    void aClaimWaitsForTheTransactionsHoldingThePartitionAndAHoldWaitsForTheClaimThenSeesTheNewOwner()
            throws Exception {
        org.springframework.transaction.support.TransactionTemplate tx =
                new org.springframework.transaction.support.TransactionTemplate(
                        new org.springframework.jdbc.datasource.DataSourceTransactionManager(jdbc.getDataSource()));
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<?> claim;
            // "me" holds partition 0 in an open transaction: another instance's claim waits for it to end
            java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.Future<Boolean> holder = other.submit(() -> tx.execute(s -> {
                boolean owns = PartitionFence.holds(jdbc, 0, "me");
                held.countDown();
                await(release);
                return owns;
            }));
            held.await();
            java.util.concurrent.ExecutorService claimer = java.util.concurrent.Executors.newSingleThreadExecutor();
            claim = claimer.submit(() -> new dev.ksefplatform.worker.intake.adapter.jdbc.JdbcIntakeStore(jdbc, tx, null)
                    .claim(List.of(0), "other"));
            awaitAdvisoryWaiters(1);
            assertThat(claim).isNotDone();
            release.countDown();
            assertThat(holder.get()).isTrue();
            claim.get();
            claimer.shutdown();
            assertThat(owner(0)).isEqualTo("other");

            // a claim in an open transaction: a hold waits for it, then reads the owner it committed
            java.util.concurrent.CountDownLatch claimed = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.Future<?> reclaim = other.submit(() -> tx.executeWithoutResult(s -> {
                PartitionFence.claim(jdbc, 0);
                jdbc.update("UPDATE worker.partition_owners SET owner = 'me', epoch = epoch + 1 WHERE partition = 0");
                claimed.countDown();
                await(commit);
            }));
            claimed.await();
            java.util.concurrent.ExecutorService checker = java.util.concurrent.Executors.newSingleThreadExecutor();
            java.util.concurrent.Future<Boolean> otherHolds = checker.submit(() ->
                    tx.execute(s -> PartitionFence.holds(jdbc, 0, "other")));
            java.util.concurrent.Future<java.util.Set<Integer>> mineHeld = java.util.concurrent.Executors
                    .newSingleThreadExecutor().submit(() -> tx.execute(s -> PartitionFence.held(jdbc, Set.of(2, 0), "me")));
            awaitAdvisoryWaiters(2);
            commit.countDown();
            reclaim.get();
            assertThat(otherHolds.get()).isFalse();
            assertThat(mineHeld.get()).containsExactlyInAnyOrder(0, 2);
            checker.shutdown();
        } finally {
            other.shutdownNow();
        }
    }

    private static String owner(int partition) {
        return jdbc.queryForObject("SELECT owner FROM worker.partition_owners WHERE partition = ?", String.class,
                partition);
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits (at most 10 s) until {@code n} sessions wait for an advisory lock. */
    private static void awaitAdvisoryWaiters(int n) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            Integer waiting = jdbc.queryForObject("""
                    SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted""", Integer.class);
            if (waiting != null && waiting >= n) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(n + " sessions not waiting for an advisory lock within 10 s");
    }

    @Test
    void keepsSmallStatisticsForTheColumnsItsStatementsFilterJoinGroupOrOrderByAndNoneForThePayload() {
        assertThat(statistics("worker.commands")).isEqualTo("command_id 10,context_nip 10,environment 10,"
                + "finished_at 10,invoice_hash 10,invoice_ref 10,kind 10,partition 10,seq 10,state 10,tenant_id 10");
        assertThat(statistics("worker.upo_fetches")).isEqualTo("command_id 10,done_at 10,invoice_hash 10,lost_at 10,"
                + "not_before 10,partition 10,session_ref 10,state 10");
        assertThat(statistics("worker.upo_fetches_finished")).isEqualTo("coalesce 10");
    }

    private static String statistics(String relation) {
        return jdbc.queryForObject(QueryPlans.statisticsTargets(relation), String.class);
    }

    private static long outbox(int partition, String value) {
        return jdbc.queryForObject("""
                INSERT INTO worker.outbox (partition, topic, tenant_id, message_id, value) VALUES (?, 'ksef.events.v1',
                'tenant-a', ?, ?) RETURNING id""", Long.class, partition, value, value.getBytes());
    }

    private static void upo(String commandId, int partition, Instant notBefore, String state) {
        jdbc.update("""
                INSERT INTO worker.upo_fetches (command_id, tenant_id, partition, environment, context_nip,
                    correlation_id, ksef_number, session_ref, state, not_before)
                VALUES (?, 'tenant-a', ?, 'TEST', '5260250274', ?, ?, 'session-1', ?, ?)""",
                commandId, partition, "corr-" + commandId, "ksef-" + commandId, state, Timestamp.from(notBefore));
    }

    private static List<Long> ids(List<OutboxRecord> records) {
        return records.stream().map(OutboxRecord::id).toList();
    }

    private static List<String> commands(List<UpoFetch> fetches) {
        return fetches.stream().map(f -> f.ref().commandId()).toList();
    }
}
