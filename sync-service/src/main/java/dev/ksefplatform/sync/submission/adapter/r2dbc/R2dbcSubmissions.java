package dev.ksefplatform.sync.submission.adapter.r2dbc;

import dev.ksefplatform.sync.submission.application.Submissions;
import dev.ksefplatform.sync.submission.domain.Submission;
import dev.ksefplatform.sync.submission.domain.SubmissionStatus;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Mono;

public final class R2dbcSubmissions implements Submissions {

    private static final String UPSERT = """
            INSERT INTO sync.submissions (command_id, tenant_id, status, ksef_number, ksef_status_code, invoice_number,
                description, details, session_reference_number, invoice_reference_number, upo_download_url,
                last_event_id, updated_at)
            VALUES (:commandId, :tenantId, :status, :ksefNumber, :code, :invoiceNumber, :description, :details,
                :sessionRef, :invoiceRef, :upoUrl, :eventId, :updatedAt)
            ON CONFLICT (command_id) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, status = EXCLUDED.status,
                ksef_number = EXCLUDED.ksef_number, ksef_status_code = EXCLUDED.ksef_status_code,
                invoice_number = EXCLUDED.invoice_number, description = EXCLUDED.description,
                details = EXCLUDED.details, session_reference_number = EXCLUDED.session_reference_number,
                invoice_reference_number = EXCLUDED.invoice_reference_number,
                upo_download_url = EXCLUDED.upo_download_url, last_event_id = EXCLUDED.last_event_id,
                updated_at = EXCLUDED.updated_at
            """;

    private final DatabaseClient db;

    public R2dbcSubmissions(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Submission> find(String commandId) {
        return db.sql("SELECT * FROM sync.submissions WHERE command_id = :commandId")
                .bind("commandId", commandId).map(R2dbcSubmissions::toSubmission).one();
    }

    @Override
    public Mono<Void> save(Submission s) {
        return db.sql(UPSERT)
                .bind("commandId", s.commandId()).bind("tenantId", s.tenantId()).bind("status", s.status().name())
                .bind("ksefNumber", Parameter.fromOrEmpty(s.ksefNumber(), String.class))
                .bind("code", Parameter.fromOrEmpty(s.ksefStatusCode(), Integer.class))
                .bind("invoiceNumber", Parameter.fromOrEmpty(s.invoiceNumber(), String.class))
                .bind("description", Parameter.fromOrEmpty(s.description(), String.class))
                .bind("details", s.details().toArray(String[]::new))
                .bind("sessionRef", Parameter.fromOrEmpty(s.sessionReferenceNumber(), String.class))
                .bind("invoiceRef", Parameter.fromOrEmpty(s.invoiceReferenceNumber(), String.class))
                .bind("upoUrl", Parameter.fromOrEmpty(s.upoDownloadUrl(), String.class))
                .bind("eventId", s.lastEventId())
                .bind("updatedAt", OffsetDateTime.ofInstant(s.updatedAt(), ZoneOffset.UTC))
                .then();
    }

    private static Submission toSubmission(Readable row) {
        String[] details = row.get("details", String[].class);
        return new Submission(row.get("command_id", String.class), row.get("tenant_id", String.class),
                SubmissionStatus.valueOf(row.get("status", String.class)), row.get("ksef_number", String.class),
                row.get("ksef_status_code", Integer.class), row.get("invoice_number", String.class),
                row.get("description", String.class), details == null ? null : Arrays.asList(details),
                row.get("session_reference_number", String.class), row.get("invoice_reference_number", String.class),
                row.get("upo_download_url", String.class), row.get("last_event_id", String.class),
                instant(row.get("updated_at", OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
