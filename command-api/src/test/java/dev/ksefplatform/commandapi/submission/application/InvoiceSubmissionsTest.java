package dev.ksefplatform.commandapi.submission.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.commandapi.Invoices;
import dev.ksefplatform.commandapi.submission.domain.InvoiceInspection;
import dev.ksefplatform.commandapi.submission.domain.InvoiceSubmission;
import dev.ksefplatform.commandapi.tenant.domain.Tenant;
import dev.ksefplatform.commandapi.tenant.domain.TenantStatus;
import dev.ksefplatform.ksef.xml.Fa3Schema;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Where an invoice is inspected: the command is recorded on the thread the inspection ran on. */
class InvoiceSubmissionsTest {

    private static final Tenant TENANT = new Tenant(UUID.randomUUID().toString(), "Acme", Invoices.randomNip(),
            TenantStatus.ACTIVE, Instant.parse("2026-06-05T10:00:00Z"));

    private final ThreadRecorder commands = new ThreadRecorder();
    private final InvoiceSubmissions submissions = new InvoiceSubmissions(new InvoiceInspection(Fa3Schema.get()),
            commands, null, null, Clock.systemUTC(), UUID::randomUUID,
            new InvoiceSubmissions.SubmissionSettings("TEST", Duration.ofSeconds(1)));

    @Test
    void inspectsASmallInvoiceOnTheThreadItArrivedOn() {
        byte[] xml = Invoices.join(Invoices.fiveKilobyteParts(), TENANT.nip(), "S1");

        submissions.submit(TENANT, xml, "small").block(Duration.ofSeconds(10));

        assertThat(xml.length).isLessThanOrEqualTo(InvoiceSubmissions.INSPECT_IN_PLACE_BYTES);
        assertThat(commands.thread).isEqualTo(Thread.currentThread().getName());
    }

    @Test
    void inspectsALargerInvoiceOffTheCallersThread() {
        byte[] xml = withRows(Invoices.xml(TENANT.nip(), "L1"), 40);

        submissions.submit(TENANT, xml, "large").block(Duration.ofSeconds(10));

        assertThat(xml.length).isGreaterThan(InvoiceSubmissions.INSPECT_IN_PLACE_BYTES);
        assertThat(commands.thread).startsWith("boundedElastic");
    }

    /** The template with its first invoice row repeated {@code extra} more times. */
    private static byte[] withRows(String xml, int extra) {
        int start = xml.indexOf("<FaWiersz>");
        String row = xml.substring(start, xml.indexOf("</FaWiersz>") + "</FaWiersz>".length());
        return (xml.substring(0, start) + row.repeat(extra) + xml.substring(start)).getBytes(StandardCharsets.UTF_8);
    }

    /** Answers as for a repeated idempotency key (nothing to publish) and notes the thread it was called on. */
    private static final class ThreadRecorder extends UnusedCommandLog {
        volatile String thread;

        @Override
        public Mono<Recorded> record(InvoiceSubmission submission, String idempotencyKey) {
            thread = Thread.currentThread().getName();
            return Mono.just(new Recorded(submission.commandId(), submission.invoice().sha256(), false));
        }
    }
}
