package dev.ksefplatform.worker.inbox.adapter.ksef;

import dev.ksefplatform.ksef.client.ExportPackage;
import dev.ksefplatform.ksef.client.ExportStatus;
import dev.ksefplatform.ksef.client.InvoiceExport;
import dev.ksefplatform.ksef.client.InvoiceQuery;
import dev.ksefplatform.ksef.client.KsefInvoiceExports;
import dev.ksefplatform.ksef.client.error.KsefExportFailedException;
import dev.ksefplatform.worker.engine.application.KsefBudget;
import dev.ksefplatform.worker.engine.domain.KsefLimit;
import dev.ksefplatform.worker.engine.domain.LaneKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The client's exports with the context's budget passed before every call: {@code POST /invoices/exports} takes an
 * {@code invoiceExport} permit (20 an hour on KSeF), every status poll an {@code invoiceExportStatus} one; part
 * downloads are pre-signed storage links, outside KSeF's limits. A call over budget waits here, on the sync's own
 * thread, instead of being sent.
 */
final class BudgetedExports implements KsefInvoiceExports {

    private static final Duration FIRST_POLL = Duration.ofMillis(250);
    private static final Duration MAX_POLL = Duration.ofSeconds(5);

    private final KsefInvoiceExports exports;
    private final KsefBudget budget;
    private final LaneKey lane;
    private final Clock clock;

    BudgetedExports(KsefInvoiceExports exports, KsefBudget budget, LaneKey lane, Clock clock) {
        this.exports = exports;
        this.budget = budget;
        this.lane = lane;
        this.clock = clock;
    }

    @Override
    public InvoiceExport start(String accessToken, InvoiceQuery query, boolean onlyMetadata) {
        await(KsefLimit.INVOICE_EXPORT);
        return exports.start(accessToken, query, onlyMetadata);
    }

    @Override
    public ExportStatus status(String accessToken, InvoiceExport export) {
        await(KsefLimit.INVOICE_EXPORT_STATUS);
        return exports.status(accessToken, export);
    }

    @Override
    public ExportStatus awaitCompleted(String accessToken, InvoiceExport export, Duration timeout) {
        Instant deadline = clock.instant().plus(timeout);
        Duration pause = FIRST_POLL;
        ExportStatus status = status(accessToken, export);
        while (!status.isFinal() && clock.instant().isBefore(deadline)) {
            sleep(pause);
            pause = pause.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL : pause.multipliedBy(2);
            status = status(accessToken, export);
        }
        if (status.code() != ExportStatus.SUCCESS) {
            throw new KsefExportFailedException(status.code(), status.isFinal() ? status.description()
                    : "still in progress after " + timeout);
        }
        return status;
    }

    @Override
    public ExportPackage download(InvoiceExport export, ExportStatus completed) {
        return exports.download(export, completed);
    }

    private void await(KsefLimit limit) {
        while (!budget.tryAcquire(lane, limit, 1)) {
            Instant at = budget.view(lane).availableAt(limit, 1);
            long millis = at.equals(Instant.MIN) ? 10 : Math.max(10, Duration.between(clock.instant(), at).toMillis());
            sleep(Duration.ofMillis(Math.min(millis, 60_000)));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("inbox sync interrupted", e);
        }
    }
}
