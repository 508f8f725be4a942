package dev.ksefplatform.sync.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.v1.CommandDeadLettered;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.SyncInbox;
import dev.ksefplatform.sync.TestEvents;
import dev.ksefplatform.sync.schedule.adapter.r2dbc.PostgresSchedulerLock;
import dev.ksefplatform.sync.schedule.application.InboxScheduler;
import dev.ksefplatform.sync.schedule.domain.SubjectSchedule;
import dev.ksefplatform.sync.schedule.domain.SyncSlots;
import dev.ksefplatform.sync.support.CommandTap;
import dev.ksefplatform.sync.support.SyncServiceITSupport;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The inbox schedule over the real service: its rounds are run by the test with the service's clock set by the
 * test (the production periods of 15 minutes and a day, in milliseconds), the commands read from Kafka.
 */
class InboxScheduleIT extends SyncServiceITSupport {

    private static final List<String> READ_AND_WRITE = List.of("InvoiceRead", "InvoiceWrite");
    private static final SubjectSchedule SUBJECT2 = SubjectSchedule.every("Subject2", Duration.ofMinutes(15));
    private static final SubjectSchedule SUBJECT1 = SubjectSchedule.every("Subject1", Duration.ofMinutes(15));

    @Autowired
    InboxScheduler scheduler;

    private CommandTap commands;

    @BeforeEach
    void tap() {
        commands = new CommandTap();
    }

    @AfterEach
    void close() {
        commands.close();
    }

    @Test
    void scheduledSyncsGoToActiveInvoiceReadIntegrationsOnlyEachAtItsOwnMomentOfThePeriod() {
        Instant t0 = Instant.parse("2031-01-01T00:00:00Z");
        clock.set(t0);
        List<String> readers = IntStream.range(0, 8).mapToObj(i -> "schedule-spread-" + i).toList();
        readers.forEach(tenant -> activate(tenant, READ_AND_WRITE, t0.minusMillis(1)));
        activate("schedule-write-only", List.of("InvoiceWrite"), t0.minusMillis(1));
        publish(TestEvents.registered("schedule-pending", "i-schedule-pending", t0.minusMillis(1)));
        activate("schedule-disabled", READ_AND_WRITE, t0.minusSeconds(60));
        publish(TestEvents.statusChanged("schedule-disabled", "i-schedule-disabled", "ACTIVE", "DISABLED", t0.minusSeconds(1)));
        awaitStatus("schedule-pending", "PENDING");
        awaitStatus("schedule-disabled", "DISABLED");

        for (int minute = 0; minute <= 15; minute++) {
            clock.set(t0.plus(Duration.ofMinutes(minute)));
            scheduler.tick().block(DEADLINE);
        }

        for (String tenant : readers) {
            assertThat(issuedAt(tenant, "Subject2")).contains(firstMinuteAtOrAfter(t0.plus(SyncSlots.offset(tenant, SUBJECT2))));
            assertThat(issuedAt(tenant, "Subject1")).contains(firstMinuteAtOrAfter(t0.plus(SyncSlots.offset(tenant, SUBJECT1))));
            assertThat(issuedAt(tenant, "Subject3")).isEmpty();
        }
        assertThat(readers.stream().map(tenant -> issuedAt(tenant, "Subject2").orElseThrow()).distinct().count())
                .isGreaterThanOrEqualTo(4);
        for (String tenant : readers) {
            List<ConsumerRecord<String, CommandEnvelope>> sent = awaitCommands(tenant, 2);
            assertThat(sent).extracting(r -> payload(r).getSubjectType()).containsExactlyInAnyOrder("Subject1", "Subject2");
            sent.forEach(record -> assertScheduledCommand(record, tenant));
        }
        for (String idle : List.of("schedule-write-only", "schedule-pending", "schedule-disabled")) {
            assertThat(issuedAt(idle, "Subject2")).isEmpty();
            assertThat(commands.ofTenant(idle)).isEmpty();
        }
    }

    @Test
    void neverTwoSyncsAtOnceTheNextResumesFromTheMarkAndATimedOutOrDeadLetteredRunEnds() {
        String tenant = "schedule-running";
        Instant active = Instant.parse("2031-03-01T00:00:00Z");
        clock.set(active);
        activate(tenant, READ_AND_WRITE, active);
        Instant slot = SyncSlots.nextAfter(active, tenant, SUBJECT2);

        String first = issueAt(slot, tenant);
        tickAt(slot.plus(Duration.ofMinutes(15)));
        tickAt(slot.plus(Duration.ofMinutes(30)));
        assertThat(lastCommand(tenant)).contains(first);

        Instant mark = Instant.parse("2031-02-28T23:00:00Z");
        publish(TestEvents.synced(tenant, first, "Subject2", mark, slot.plus(Duration.ofMinutes(31))));
        eventually(() -> query("SELECT 1 FROM sync.sync_runs WHERE tenant_id = '" + tenant
                + "' AND subject_type = 'Subject2' AND running_command_id IS NULL"));
        String second = issueAt(slot.plus(Duration.ofMinutes(45)), tenant);

        assertThat(second).isNotEqualTo(first);
        assertThat(payload(awaitCommand(second)).getFromHighWaterMark()).isEqualTo(mark);
        assertThat(commands.ofTenant(tenant).stream().filter(r -> "Subject2".equals(payload(r).getSubjectType())))
                .hasSize(2);

        String third = issueAt(slot.plus(Duration.ofMinutes(45)).plus(Duration.ofHours(2)), tenant);
        assertThat(third).isNotIn(first, second);

        publish(TestEvents.envelope(tenant, third, slot.plus(Duration.ofHours(3)), CommandDeadLettered.newBuilder()
                .setReason("unsupported command").setTopic("ksef.commands.v1").setPartition(0).setOffset(1).build()));
        eventually(() -> query("SELECT 1 FROM sync.sync_runs WHERE tenant_id = '" + tenant
                + "' AND subject_type = 'Subject2' AND running_command_id IS NULL"));
    }

    @Test
    void disabledIntegrationIsNotSyncedAndReEnabledResumesFromItsHighWaterMark() {
        String tenant = "schedule-toggle";
        Instant active = Instant.parse("2031-04-01T00:00:00Z");
        clock.set(active);
        activate(tenant, READ_AND_WRITE, active);
        Instant slot = SyncSlots.nextAfter(active, tenant, SUBJECT2);
        String first = issueAt(slot, tenant);
        Instant mark = slot.minus(Duration.ofMinutes(3));
        publish(TestEvents.synced(tenant, first, "Subject2", mark, slot.plus(Duration.ofMinutes(1))));
        publish(TestEvents.statusChanged(tenant, "i-" + tenant, "ACTIVE", "DISABLED", slot.plus(Duration.ofMinutes(2))));
        awaitStatus(tenant, "DISABLED");
        eventually(() -> query("SELECT 1 FROM sync.sync_state WHERE tenant_id = '" + tenant + "' AND high_water_mark IS NOT NULL"));

        for (int minutes = 15; minutes <= 90; minutes += 15) {
            tickAt(slot.plus(Duration.ofMinutes(minutes)));
        }
        assertThat(lastCommand(tenant)).contains(first);
        http.post().uri("/internal/v1/tenants/{t}/inbox-sync", tenant).header("Authorization", COMMAND_API)
                .exchange().expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo("https://ksef-platform.dev/problems/inbox-sync-unavailable")
                .jsonPath("$.integrationStatus").isEqualTo("DISABLED");
        assertThat(lastCommand(tenant)).contains(first);

        Instant reEnabled = slot.plus(Duration.ofMinutes(91));
        publish(TestEvents.statusChanged(tenant, "i-" + tenant, "DISABLED", "PENDING", reEnabled));
        publish(TestEvents.verified(tenant, "i-" + tenant, READ_AND_WRITE, reEnabled.plusSeconds(1)));
        awaitStatus(tenant, "ACTIVE");
        String resumed = issueAt(SyncSlots.nextAfter(reEnabled.plusSeconds(1), tenant, SUBJECT2), tenant);

        assertThat(payload(awaitCommand(resumed)).getFromHighWaterMark()).isEqualTo(mark);
        assertThat(commands.ofTenant(tenant).stream().filter(r -> "Subject2".equals(payload(r).getSubjectType())))
                .extracting(r -> r.value().getMessageId()).containsExactly(first, resumed);
    }

    @Test
    void onlyTheHolderOfTheSchedulerLockSchedulesAndItsDeathReleasesIt() throws Exception {
        String tenant = "schedule-lock";
        Instant active = Instant.parse("2031-05-01T00:00:00Z");
        clock.set(active);
        activate(tenant, READ_AND_WRITE, active);
        clock.set(SyncSlots.nextAfter(active, tenant, SUBJECT2));
        Connection otherInstance = EmbeddedPostgres.get().connect();
        otherInstance.setAutoCommit(false);
        try (Statement statement = otherInstance.createStatement()) {
            statement.execute("SELECT pg_advisory_xact_lock(" + PostgresSchedulerLock.KEY + ")");
        }

        Integer whileHeld = scheduler.tick().block(DEADLINE);
        Optional<String> issuedWhileHeld = lastCommand(tenant);
        otherInstance.close();

        assertThat(whileHeld).isZero();
        assertThat(issuedWhileHeld).isEmpty();
        // the server ends the dead session's transaction as soon as it sees the connection gone
        eventually(() -> Optional.ofNullable(scheduler.tick().block(DEADLINE)).filter(issued -> issued > 0));
        assertThat(lastCommand(tenant)).isPresent();
    }

    @Test
    void syncNowStartsOneSyncAndAnswersWithTheRunningOneWhenAskedAgain() {
        String tenant = "sync-now";
        activate(tenant, READ_AND_WRITE, clock.instant().minusMillis(1));

        Map<String, Object> started = syncNow(tenant, "{\"subjectType\":\"Subject3\",\"requestedBy\":\"key-42\"}");
        Map<String, Object> again = syncNow(tenant, "{\"subjectType\":\"Subject3\"}");

        assertThat(started).containsEntry("started", true).containsEntry("subjectType", "Subject3");
        assertThat(again).containsEntry("started", false).containsEntry("commandId", started.get("commandId"));
        ConsumerRecord<String, CommandEnvelope> command = awaitCommand((String) started.get("commandId"));
        assertThat(command.value().getActor().getType()).isEqualTo("TENANT");
        assertThat(command.value().getActor().getId()).isEqualTo("key-42");
        assertThat(payload(command).getTrigger()).isEqualTo("REQUEST");
        assertThat(commands.ofTenant(tenant)).hasSize(1);
        http.get().uri("/internal/v1/tenants/{t}/inbox-sync", tenant).header("Authorization", COMMAND_API).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(4)
                .jsonPath("$[?(@.subjectType == 'Subject3')].runningCommandId").isEqualTo(started.get("commandId"))
                .jsonPath("$[?(@.subjectType == 'Subject2')].scheduled").isEqualTo(true);
    }

    @Test
    void syncStateShowsTheMarkItsLagAndTheFailures() {
        String tenant = "sync-state";
        Instant now = Instant.parse("2031-06-01T12:00:00Z");
        clock.set(now);
        activate(tenant, READ_AND_WRITE, now.minusSeconds(3600));
        String commandId = (String) syncNow(tenant, "{}").get("commandId");
        publish(TestEvents.synced(tenant, commandId, "Subject2", now.minusSeconds(600), now.minusSeconds(30)));
        publish(TestEvents.syncFailed(tenant, "other", "Subject2", now.minusSeconds(20)));
        eventually(() -> query("SELECT 1 FROM sync.sync_state WHERE tenant_id = '" + tenant
                + "' AND consecutive_failures = 1"));

        http.get().uri("/internal/v1/tenants/{t}/inbox-sync", tenant).header("Authorization", COMMAND_API).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$[1].subjectType").isEqualTo("Subject2")
                .jsonPath("$[1].highWaterMark").isEqualTo("2031-06-01T11:50:00Z")
                .jsonPath("$[1].lagSeconds").isEqualTo(600)
                .jsonPath("$[1].lastSuccessAt").isEqualTo("2031-06-01T11:59:30Z")
                .jsonPath("$[1].lastAttemptAt").isEqualTo("2031-06-01T11:59:40Z")
                .jsonPath("$[1].consecutiveFailures").isEqualTo(1)
                .jsonPath("$[1].lastFailureReason").isEqualTo("KSeF answered 503")
                .jsonPath("$[1].runningCommandId").doesNotExist()
                .jsonPath("$[1].nextSyncAt").isNotEmpty();
    }

    @Test
    void syncNowWithoutAnIntegrationThatReadsTheInboxIsAConflictAndABadSubjectABadRequest() {
        http.post().uri("/internal/v1/tenants/{t}/inbox-sync", "nobody").header("Authorization", COMMAND_API)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.type")
                .isEqualTo("https://ksef-platform.dev/problems/inbox-sync-unavailable")
                .jsonPath("$.integrationStatus").doesNotExist();
        http.post().uri("/internal/v1/tenants/{t}/inbox-sync", "nobody").header("Authorization", COMMAND_API)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue("{\"subjectType\":\"Subject9\"}")
                .exchange().expectStatus().isBadRequest();
    }

    private void activate(String tenant, List<String> scopes, Instant at) {
        publish(TestEvents.registered(tenant, "i-" + tenant, at.minusMillis(1)));
        publish(TestEvents.verified(tenant, "i-" + tenant, scopes, at));
        awaitStatus(tenant, "ACTIVE");
    }

    private static void awaitStatus(String tenant, String status) {
        eventually(() -> query("SELECT status FROM sync.integrations WHERE tenant_id = '" + tenant + "'")
                .filter(status::equals));
    }

    private void tickAt(Instant at) {
        clock.set(at);
        scheduler.tick().block(DEADLINE);
    }

    /** Runs a round at {@code at}; the Subject2 command it issued for the tenant. */
    private String issueAt(Instant at, String tenant) {
        Optional<String> before = lastCommand(tenant);
        tickAt(at);
        String issued = lastCommand(tenant).orElseThrow();
        assertThat(Optional.of(issued)).isNotEqualTo(before);
        return issued;
    }

    private static Optional<String> lastCommand(String tenant) {
        return query("SELECT last_command_id FROM sync.sync_runs WHERE tenant_id = '" + tenant
                + "' AND subject_type = 'Subject2'");
    }

    private static Optional<Instant> issuedAt(String tenant, String subjectType) {
        return query("SELECT to_char(last_issued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                + " FROM sync.sync_runs WHERE tenant_id = '" + tenant + "' AND subject_type = '" + subjectType + "'")
                .map(Instant::parse);
    }

    private static Instant firstMinuteAtOrAfter(Instant at) {
        Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
        return minute.equals(at) ? minute : minute.plus(Duration.ofMinutes(1));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> syncNow(String tenant, String body) {
        return (Map<String, Object>) http.post().uri("/internal/v1/tenants/{t}/inbox-sync", tenant).header("Authorization", COMMAND_API)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
    }

    private List<ConsumerRecord<String, CommandEnvelope>> awaitCommands(String tenant, int count) {
        return eventually(() -> Optional.of(commands.ofTenant(tenant)).filter(found -> found.size() >= count));
    }

    private ConsumerRecord<String, CommandEnvelope> awaitCommand(String commandId) {
        return eventually(() -> commands.records(r -> commandId.equals(r.value().getMessageId())).stream().findFirst());
    }

    private static SyncInbox payload(ConsumerRecord<String, CommandEnvelope> record) {
        return (SyncInbox) record.value().getPayload();
    }

    private static void assertScheduledCommand(ConsumerRecord<String, CommandEnvelope> record, String tenant) {
        CommandEnvelope command = record.value();
        assertThat(command.getTenantId()).isEqualTo(tenant);
        assertThat(command.getCorrelationId()).isEqualTo(command.getMessageId());
        assertThat(command.getSource()).isEqualTo("sync-service");
        assertThat(command.getActor().getType()).isEqualTo("SYSTEM");
        assertThat(command.getActor().getId()).isEqualTo("inbox-schedule");
        assertThat(payload(record).getTrigger()).isEqualTo("SCHEDULE");
        assertThat(payload(record).getContextNip()).isEqualTo(TestEvents.NIP);
        assertThat(payload(record).getEnvironment()).isEqualTo("TEST");
        assertThat(payload(record).getFromHighWaterMark()).isNull();
        assertThat(MessageHeaders.get(record.headers(), MessageHeaders.MESSAGE_ID)).contains(command.getMessageId());
        assertThat(MessageHeaders.get(record.headers(), MessageHeaders.TENANT_ID)).contains(tenant);
        assertThat(MessageHeaders.get(record.headers(), MessageHeaders.MESSAGE_TYPE)).contains("SyncInbox");
        assertThat(MessageHeaders.get(record.headers(), MessageHeaders.SOURCE)).contains("sync-service");
    }
}
