package dev.ksefplatform.sync.submission.adapter.r2dbc;

import dev.ksefplatform.support.projection.adapter.r2dbc.BatchRows;
import dev.ksefplatform.sync.submission.application.Submissions;
import dev.ksefplatform.sync.submission.domain.Submission;
import dev.ksefplatform.sync.submission.domain.SubmissionStatus;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public final class R2dbcSubmissions implements Submissions {

    private static final String UPDATE_ON_CONFLICT = """
             ON CONFLICT (command_id) DO UPDATE SET tenant_id = EXCLUDED.tenant_id,
                context_nip = EXCLUDED.context_nip, status = EXCLUDED.status, ksef_number = EXCLUDED.ksef_number,
                ksef_status_code = EXCLUDED.ksef_status_code, invoice_number = EXCLUDED.invoice_number,
                description = EXCLUDED.description, details = EXCLUDED.details,
                session_reference_number = EXCLUDED.session_reference_number,
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
    public Flux<Submission> findAll(Collection<String> commandIds) {
        return db.sql("SELECT * FROM sync.submissions WHERE command_id = ANY(CAST(:ids AS text[]))")
                .bind("ids", commandIds.toArray(String[]::new)).map(R2dbcSubmissions::toSubmission).all();
    }

    @Override
    public Mono<Void> saveAll(Collection<Submission> submissions) {
        if (submissions.isEmpty()) {
            return Mono.empty();
        }
        BatchRows<Submission> rows = BatchRows.of(List.copyOf(submissions))
                .text("command_id", Submission::commandId).text("tenant_id", Submission::tenantId)
                .text("context_nip", Submission::contextNip).text("status", s -> s.status().name())
                .text("ksef_number", Submission::ksefNumber).integer("ksef_status_code", Submission::ksefStatusCode)
                .text("invoice_number", Submission::invoiceNumber).text("description", Submission::description)
                .textArray("details", s -> s.details().isEmpty() ? null : s.details())
                .text("session_reference_number", Submission::sessionReferenceNumber)
                .text("invoice_reference_number", Submission::invoiceReferenceNumber)
                .text("upo_download_url", Submission::upoDownloadUrl).text("last_event_id", Submission::lastEventId)
                .timestamp("updated_at", Submission::updatedAt)
                // on a first insert only: UPDATE_ON_CONFLICT leaves it, so the listing's order never moves
                .timestamp("created_at", Submission::createdAt);
        return rows.bind(db.sql("INSERT INTO sync.submissions (" + rows.names() + ") " + rows.select()
                + UPDATE_ON_CONFLICT)).then();
    }

    static Submission toSubmission(Readable row) {
        String[] details = row.get("details", String[].class);
        return new Submission(row.get("command_id", String.class), row.get("tenant_id", String.class),
                row.get("context_nip", String.class), SubmissionStatus.valueOf(row.get("status", String.class)),
                row.get("ksef_number", String.class), row.get("ksef_status_code", Integer.class),
                row.get("invoice_number", String.class), row.get("description", String.class),
                details == null ? null : Arrays.asList(details), row.get("session_reference_number", String.class),
                row.get("invoice_reference_number", String.class), row.get("upo_download_url", String.class),
                row.get("last_event_id", String.class), instant(row.get("updated_at", OffsetDateTime.class)),
                instant(row.get("created_at", OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
