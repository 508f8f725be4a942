package dev.ksefplatform.sync.submission.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.sync.projection.domain.CommandRefused;
import dev.ksefplatform.sync.projection.domain.EventMeta;
import dev.ksefplatform.sync.projection.domain.InboxSynced;
import dev.ksefplatform.sync.projection.domain.SubmissionAccepted;
import dev.ksefplatform.sync.projection.domain.SubmissionDuplicate;
import dev.ksefplatform.sync.projection.domain.SubmissionFailed;
import dev.ksefplatform.sync.projection.domain.SubmissionRejected;
import dev.ksefplatform.sync.projection.domain.SubmissionSent;
import dev.ksefplatform.sync.projection.domain.SyncEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubmissionFoldTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void acceptedInvoiceBecomesAcceptedRowWithKsefNumber() {
        Optional<Submission> row = SubmissionFold.evolve(Optional.empty(), accepted("e1", "tenant-a"));

        assertThat(row).hasValueSatisfying(s -> {
            assertThat(s.commandId()).isEqualTo("cmd-1");
            assertThat(s.tenantId()).isEqualTo("tenant-a");
            assertThat(s.status()).isEqualTo(SubmissionStatus.ACCEPTED);
            assertThat(s.ksefNumber()).isEqualTo("5265877635-20261122-0100001AF629-AF");
            assertThat(s.ksefStatusCode()).isEqualTo(200);
            assertThat(s.lastEventId()).isEqualTo("e1");
            assertThat(s.updatedAt()).isEqualTo(T0);
        });
    }

    @Test
    void rejectedInvoiceKeepsKsefCodeDescriptionAndDetails() {
        SyncEvent rejected = new SubmissionRejected(meta("e2", "tenant-a"), 450, "Błąd weryfikacji semantyki",
                List.of("P_2 missing"), "FV/1", "20261122-SO-1", "20261122-EE-1");

        Submission row = SubmissionFold.evolve(Optional.empty(), rejected).orElseThrow();

        assertThat(row.status()).isEqualTo(SubmissionStatus.REJECTED);
        assertThat(row.ksefStatusCode()).isEqualTo(450);
        assertThat(row.description()).isEqualTo("Błąd weryfikacji semantyki");
        assertThat(row.details()).containsExactly("P_2 missing");
        assertThat(row.ksefNumber()).isNull();
    }

    @Test
    void duplicateCarriesTheOriginalKsefNumberAndCode440() {
        SyncEvent duplicate = new SubmissionDuplicate(meta("e3", "tenant-a"), "ORIGINAL-NUMBER", 440, "FV/1",
                "20261122-SO-2", "20261122-EE-2");

        Submission row = SubmissionFold.evolve(Optional.empty(), duplicate).orElseThrow();

        assertThat(row.status()).isEqualTo(SubmissionStatus.DUPLICATE);
        assertThat(row.ksefNumber()).isEqualTo("ORIGINAL-NUMBER");
        assertThat(row.ksefStatusCode()).isEqualTo(440);
    }

    @Test
    void abandonedSubmissionIsFailedWithItsReason() {
        Submission row = SubmissionFold.evolve(Optional.empty(),
                new SubmissionFailed(meta("e4", "tenant-a"), "retries exhausted", "FV/1")).orElseThrow();

        assertThat(row.status()).isEqualTo(SubmissionStatus.FAILED);
        assertThat(row.description()).isEqualTo("retries exhausted");
    }

    @Test
    void reapplyingTheSameEventChangesNothing() {
        Submission once = SubmissionFold.evolve(Optional.empty(), accepted("e1", "tenant-a")).orElseThrow();

        Optional<Submission> twice = SubmissionFold.evolve(Optional.of(once), accepted("e1", "tenant-a"));

        assertThat(twice).contains(once);
    }

    @Test
    void failureAfterKsefVerdictDoesNotRegressIt() {
        Submission accepted = SubmissionFold.evolve(Optional.empty(), accepted("e1", "tenant-a")).orElseThrow();

        Optional<Submission> after = SubmissionFold.evolve(Optional.of(accepted),
                new SubmissionFailed(meta("e9", "tenant-a"), "dead-lettered late", null));

        assertThat(after).contains(accepted);
    }

    @Test
    void laterDuplicateReportOfAnAcceptedInvoiceKeepsItAccepted() {
        Submission accepted = SubmissionFold.evolve(Optional.empty(), accepted("e1", "tenant-a")).orElseThrow();

        Optional<Submission> after = SubmissionFold.evolve(Optional.of(accepted),
                new SubmissionDuplicate(meta("e5", "tenant-a"), "X", 440, null, null, null));

        assertThat(after.map(Submission::status)).contains(SubmissionStatus.ACCEPTED);
    }

    @Test
    void ksefVerdictReplacesAnEarlierPlatformFailure() {
        Submission failed = SubmissionFold.evolve(Optional.empty(),
                new SubmissionFailed(meta("e4", "tenant-a"), "retries exhausted", null)).orElseThrow();

        Optional<Submission> after = SubmissionFold.evolve(Optional.of(failed), accepted("e6", "tenant-a"));

        assertThat(after.map(Submission::status)).contains(SubmissionStatus.ACCEPTED);
    }

    @Test
    void eventOfAnotherTenantNeverOverwritesTheRow() {
        Submission failed = SubmissionFold.evolve(Optional.empty(),
                new SubmissionFailed(meta("e4", "tenant-a"), "retries exhausted", null)).orElseThrow();

        Optional<Submission> after = SubmissionFold.evolve(Optional.of(failed), accepted("e7", "tenant-b"));

        assertThat(after).contains(failed);
    }

    @Test
    void eventsOtherThanSubmissionOutcomesLeaveTheRowAlone() {
        SyncEvent synced = new InboxSynced(meta("e8", "tenant-a"), "Subject2", T0, 0);

        assertThat(SubmissionFold.concerns(synced)).isFalse();
        assertThat(SubmissionFold.evolve(Optional.empty(), synced)).isEmpty();
    }

    @Test
    void sentInvoiceIsSentWithItsSessionAndContext() {
        Submission row = SubmissionFold.evolve(Optional.empty(), sent("e0", T0)).orElseThrow();

        assertThat(row.status()).isEqualTo(SubmissionStatus.SENT);
        assertThat(row.sessionReferenceNumber()).isEqualTo("20261122-SO-1");
        assertThat(row.contextNip()).isEqualTo("5265877635");
    }

    @Test
    void verdictAfterSentKeepsTheSessionItDoesNotRestate() {
        Submission sent = SubmissionFold.evolve(Optional.empty(), sent("e0", T0)).orElseThrow();
        SyncEvent rejected = new SubmissionRejected(meta("e2", "tenant-a", T0.plusSeconds(5)), 450, "semantyka",
                List.of(), null, null, null);

        Submission after = SubmissionFold.evolve(Optional.of(sent), rejected).orElseThrow();

        assertThat(after.status()).isEqualTo(SubmissionStatus.REJECTED);
        assertThat(after.sessionReferenceNumber()).isEqualTo("20261122-SO-1");
        assertThat(after.invoiceReferenceNumber()).isEqualTo("20261122-EE-0");
    }

    @Test
    void sentRepublishedAfterTheVerdictDoesNotRegressIt() {
        Submission accepted = SubmissionFold.evolve(Optional.empty(), accepted("e1", "tenant-a")).orElseThrow();

        assertThat(SubmissionFold.evolve(Optional.of(accepted), sent("e0", T0.minusSeconds(1)))).contains(accepted);
        assertThat(SubmissionFold.evolve(Optional.of(accepted), sent("e7", T0.plusSeconds(60)))).contains(accepted);
    }

    @Test
    void aSentFromBeforeAPlatformFailureNeverReplacesIt() {
        Submission failed = SubmissionFold.evolve(Optional.empty(),
                new SubmissionFailed(meta("e4", "tenant-a"), "retries exhausted", null)).orElseThrow();

        assertThat(SubmissionFold.evolve(Optional.of(failed), sent("e0", T0.minusSeconds(1)))).contains(failed);
        assertThat(SubmissionFold.evolve(Optional.of(failed), sent("e0", T0))).contains(failed);
    }

    /** Every reason tenant-worker dead-letters a command with (intake and verification), and command-api's. */
    @ParameterizedTest
    @ValueSource(strings = {"undecodable command: Unknown magic byte!", "SubmitInvoiceBatch is not supported by this"
            + " worker yet", "invoice payload references (claim checks) are not accepted on ksef.commands.v1: the XML"
            + " must travel in the command", "the invoice XML is empty", "integrationId is required",
            "unknown subjectType Subject9: one of [Subject1, Subject2, Subject3]",
            "credential-service knows no integration 7c1e of tenant tenant-a (HTTP 404)",
            "upstream systems may publish SubmitInvoice commands only, not SyncInbox",
            "messageId must be a UUID (it becomes the command id), not m-1",
            "the invoice is larger than 1048576 bytes"})
    void aTenantsRefusedCommandIsFailedWithItsReason(String reason) {
        Submission row = SubmissionFold.evolve(Optional.empty(), refused("e4", "tenant-a", T0, reason)).orElseThrow();

        assertThat(row.status()).isEqualTo(SubmissionStatus.FAILED);
        assertThat(row.tenantId()).isEqualTo("tenant-a");
        assertThat(row.description()).isEqualTo(reason);
    }

    @Test
    void aRefusalOwnedByTheUpstreamSystemIsNoTenantsSubmission() {
        SyncEvent systemsOwn = refused("e4", "upstream:erp-one", T0, "upstream system erp-one may not act for tenant tenant-a");

        assertThat(SubmissionFold.evolve(Optional.empty(), systemsOwn)).isEmpty();
    }

    @Test
    void theTenantsCommandSentAfterTheSystemWasGrantedIsTheTenantsDespiteTheEarlierRefusal() {
        var rows = SubmissionFold.foldAll(java.util.Map.of(), List.of(
                refused("e4", "upstream:erp-one", T0, "upstream system erp-one may not act for tenant tenant-a"),
                sent("e5", T0.plusSeconds(60)), accepted("e6", "tenant-a")));

        assertThat(rows.get("cmd-1")).satisfies(row -> {
            assertThat(row.tenantId()).isEqualTo("tenant-a");
            assertThat(row.status()).isEqualTo(SubmissionStatus.ACCEPTED);
        });
    }

    @Test
    void aRefusedCommandTakenAgainLaterIsSentAgainAndThenItsVerdictHolds() {
        Submission refused = SubmissionFold.evolve(Optional.empty(),
                refused("e4", "tenant-a", T0, "SubmitInvoiceBatch is not supported by this worker yet")).orElseThrow();

        Submission redriven = SubmissionFold.evolve(Optional.of(refused), sent("e5", T0.plusSeconds(3600)))
                .orElseThrow();

        assertThat(redriven.status()).isEqualTo(SubmissionStatus.SENT);
        assertThat(redriven.sessionReferenceNumber()).isEqualTo("20261122-SO-1");
        assertThat(redriven.createdAt()).isEqualTo(T0);
        assertThat(SubmissionFold.evolve(Optional.of(redriven), accepted("e6", "tenant-a")).map(Submission::status))
                .contains(SubmissionStatus.ACCEPTED);
    }

    @Test
    void aRefusalAfterAKsefVerdictDoesNotRegressIt() {
        Submission accepted = SubmissionFold.evolve(Optional.empty(), accepted("e1", "tenant-a")).orElseThrow();

        assertThat(SubmissionFold.evolve(Optional.of(accepted), refused("e9", "tenant-a", T0.plusSeconds(5), "late")))
                .contains(accepted);
    }

    @Test
    void theWorkersRefusalOfAReDriveLeavesARunningOrFinishedCommandAsItIs() {
        Submission sent = SubmissionFold.evolve(Optional.empty(), sent("e0", T0)).orElseThrow();
        SyncEvent refusal = refused("e9", "tenant-a", T0.plusSeconds(5),
                "re-drive refused: command cmd-1 is still SENT; a command never runs twice");

        assertThat(SubmissionFold.evolve(Optional.of(sent), refusal)).contains(sent);
        assertThat(SubmissionFold.evolve(Optional.empty(), refusal)).isEmpty();
    }

    @Test
    void laterSentInANewSessionReplacesTheEarlierButAnOlderOneDoesNot() {
        Submission first = SubmissionFold.evolve(Optional.empty(), sent("e0", T0)).orElseThrow();
        SyncEvent resent = new SubmissionSent(meta("e5", "tenant-a", T0.plusSeconds(600)), "20261122-SO-2", "Online",
                "20261122-EE-9", "FV/1");

        Submission second = SubmissionFold.evolve(Optional.of(first), resent).orElseThrow();

        assertThat(second.sessionReferenceNumber()).isEqualTo("20261122-SO-2");
        assertThat(SubmissionFold.evolve(Optional.of(second), sent("e6", T0.plusSeconds(1)))).contains(second);
    }

    @Test
    void batchFoldReturnsOnlyTheRowsThatChangedInTheirFinalState() {
        Submission accepted = SubmissionFold.evolve(Optional.empty(), accepted("e1", "tenant-a")).orElseThrow();
        SyncEvent otherSent = new SubmissionSent(new EventMeta("e8", "tenant-a", "cmd-2", T0, null), "S", "Online",
                null, "FV/2");

        var changed = SubmissionFold.foldAll(java.util.Map.of("cmd-1", accepted),
                List.of(sent("e0", T0), otherSent, accepted("e1", "tenant-a")));

        assertThat(changed).containsOnlyKeys("cmd-2");
        assertThat(changed.get("cmd-2").status()).isEqualTo(SubmissionStatus.SENT);
    }

    @Test
    void aRowKeepsTheTimeOfItsFirstEventAsItsStatusMovesOnWithinABatchOrAcross() {
        SyncEvent later = new SubmissionAccepted(meta("e1", "tenant-a", T0.plusSeconds(3600)),
                "5265877635-20261122-0100001AF629-AF", 200, "FV/1", "20261122-SO-1", "20261122-EE-1", null);

        Submission inOneBatch = SubmissionFold.foldAll(java.util.Map.of(), List.of(sent("e0", T0), later)).get("cmd-1");
        Submission sent = SubmissionFold.evolve(Optional.empty(), sent("e0", T0)).orElseThrow();
        Submission acrossBatches = SubmissionFold.evolve(Optional.of(sent), later).orElseThrow();

        assertThat(inOneBatch.createdAt()).isEqualTo(T0);
        assertThat(inOneBatch.updatedAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(acrossBatches).isEqualTo(inOneBatch);
    }

    private static SyncEvent refused(String eventId, String owner, Instant at, String reason) {
        return new CommandRefused(meta(eventId, owner, at), reason, "ksef.commands.v1");
    }

    private static SyncEvent sent(String eventId, Instant at) {
        return new SubmissionSent(meta(eventId, "tenant-a", at), "20261122-SO-1", "Online", "20261122-EE-0", "FV/1");
    }

    private static SyncEvent accepted(String eventId, String tenantId) {
        return new SubmissionAccepted(meta(eventId, tenantId), "5265877635-20261122-0100001AF629-AF", 200, "FV/1",
                "20261122-SO-1", "20261122-EE-1", "https://upo.example/1");
    }

    private static EventMeta meta(String eventId, String tenantId) {
        return meta(eventId, tenantId, T0);
    }

    private static EventMeta meta(String eventId, String tenantId, Instant at) {
        return new EventMeta(eventId, tenantId, "cmd-1", at, "5265877635");
    }
}
