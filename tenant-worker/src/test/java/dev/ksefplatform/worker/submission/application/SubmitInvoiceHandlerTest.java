package dev.ksefplatform.worker.submission.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.worker.submission.application.TenantCredentials.LeaseRequest;
import dev.ksefplatform.worker.submission.domain.CommandRef;
import dev.ksefplatform.worker.submission.domain.FinalInvoiceStatus;
import dev.ksefplatform.worker.submission.domain.InvoiceSubmission;
import dev.ksefplatform.worker.submission.domain.SubmissionOutcome;
import dev.ksefplatform.worker.submission.domain.WorkerEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SubmitInvoiceHandlerTest {

    private static final String TOKEN = "secret-access-token";
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private final List<LeaseRequest> leaseRequests = new ArrayList<>();
    private final List<String> tokensUsed = new ArrayList<>();
    private final List<WorkerEvent> published = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private Supplier<Lease> lease = () -> new Lease("lease-1", new AccessToken(TOKEN), NOW.plusSeconds(600));
    private Supplier<KsefSubmissions.KsefReceipt> ksef = () -> receipt(200, Map.of(), "KSEF-1");

    private final SubmitInvoiceHandler handler = new SubmitInvoiceHandler(
            request -> {
                leaseRequests.add(request);
                return lease.get();
            },
            (submission, token) -> {
                tokensUsed.add(token.value());
                return ksef.get();
            },
            published::addAll,
            new EventFactory(() -> "event-" + ids.incrementAndGet(), Clock.fixed(NOW, ZoneOffset.UTC)),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void acceptedInvoiceIsRecordedWithItsSessionEventsUnderTheCommandsIds() {
        handler.handle(submission());

        assertThat(published).extracting(e -> e.payload().getClass().getSimpleName())
                .containsExactly("SessionOpened", "SessionClosed", "Accepted");
        assertThat(published).allSatisfy(e -> {
            assertThat(e.cause()).isEqualTo(new CommandRef("cmd-1", "tenant-1", "cmd-1"));
            assertThat(e.audit().operation()).isEqualTo("ksef.invoice.submit");
            assertThat(e.audit().tenantNip()).isEqualTo("5265877635");
            assertThat(e.audit().httpStatus()).isEqualTo(200);
        });
        assertThat(published).extracting(WorkerEvent::eventId).doesNotHaveDuplicates();
    }

    @Test
    void leasesTheTenantsOwnContextForInvoiceWriteAndSubmitsWithThatToken() {
        handler.handle(submission());

        assertThat(leaseRequests).containsExactly(
                new LeaseRequest("tenant-1", "TEST", "5265877635", "InvoiceWrite"));
        assertThat(tokensUsed).containsExactly(TOKEN);
    }

    @Test
    void deniedLeaseAbandonsTheSubmissionWithoutCallingKsef() {
        lease = () -> {
            throw new CredentialLeaseDenied("tenant-violation: NIP belongs to another tenant");
        };

        SubmissionOutcome outcome = handler.handle(submission());

        assertThat(tokensUsed).isEmpty();
        assertThat(outcome).isEqualTo(new SubmissionOutcome.Abandoned(
                "credential lease denied: tenant-violation: NIP belongs to another tenant", 1, "FV/1"));
        assertThat(published).singleElement().satisfies(e -> {
            assertThat(e.payload()).isEqualTo(outcome);
            assertThat(e.audit().httpStatus()).isEqualTo(403);
        });
    }

    @Test
    void ksefRefusalIsFinalAndAbandonsTheSubmission() {
        ksef = () -> {
            throw new KsefRefusal("KSeF forbade the operation: missing-permissions", 403, null);
        };

        SubmissionOutcome outcome = handler.handle(submission());

        assertThat(outcome).isInstanceOf(SubmissionOutcome.Abandoned.class);
        assertThat(published).singleElement().extracting(WorkerEvent::payload).isEqualTo(outcome);
    }

    @Test
    void transientFailurePropagatesAndRecordsNothing() {
        ksef = () -> {
            throw new TransientFailure("KSeF rate limit exceeded", Duration.ofSeconds(30), 429, null);
        };

        assertThatThrownBy(() -> handler.handle(submission())).isInstanceOf(TransientFailure.class);
        assertThat(published).isEmpty();
    }

    @Test
    void duplicateIsRecordedWithTheOriginalKsefNumber() {
        ksef = () -> receipt(440, Map.of("originalKsefNumber", "KSEF-0"), null);

        SubmissionOutcome outcome = handler.handle(submission());

        assertThat(outcome).isInstanceOf(SubmissionOutcome.Duplicate.class)
                .extracting(o -> ((SubmissionOutcome.Duplicate) o).originalKsefNumber()).isEqualTo("KSEF-0");
        assertThat(published.get(published.size() - 1).audit().error()).isEqualTo("440 duplicate of KSEF-0");
    }

    @Test
    void sessionThatFailedToCloseIsNotReportedClosed() {
        ksef = () -> new KsefSubmissions.KsefReceipt("session-1", NOW.plusSeconds(3600), false,
                receipt(200, Map.of(), "KSEF-1").status());

        handler.handle(submission());

        assertThat(published).extracting(e -> e.payload().getClass().getSimpleName())
                .containsExactly("SessionOpened", "Accepted");
    }

    @Test
    void accessTokenNeverAppearsInWhatIsRecorded() {
        handler.handle(submission());

        assertThat(published).allSatisfy(e -> assertThat(e.toString()).doesNotContain(TOKEN));
        assertThat(new AccessToken(TOKEN).toString()).doesNotContain(TOKEN);
    }

    private static InvoiceSubmission submission() {
        return new InvoiceSubmission(new CommandRef("cmd-1", "tenant-1", null), "TEST", "5265877635",
                new InvoiceSubmission.InvoiceForm("FA (3)", "1-0E", "FA"), "<Faktura/>".getBytes(), "sha",
                "FV/1", false);
    }

    private static KsefSubmissions.KsefReceipt receipt(int code, Map<String, String> extensions, String ksefNumber) {
        return new KsefSubmissions.KsefReceipt("session-1", NOW.plusSeconds(3600), true,
                new FinalInvoiceStatus("session-1", "invoice-1", "hash", code, "desc", List.of(), extensions,
                        ksefNumber, "FV/1", NOW, null));
    }
}
