package dev.ksefplatform.worker.inbox.application;

import dev.ksefplatform.worker.engine.application.CallScope;
import dev.ksefplatform.worker.engine.application.CrashPoints;
import dev.ksefplatform.worker.engine.application.KsefFailure;
import dev.ksefplatform.worker.engine.application.Lease;
import dev.ksefplatform.worker.engine.application.LeaseCache;
import dev.ksefplatform.worker.engine.application.RetrySchedule;
import dev.ksefplatform.worker.engine.application.TenantCredentials;
import dev.ksefplatform.worker.inbox.domain.Checkpoint;
import dev.ksefplatform.worker.inbox.domain.InboxSync;
import dev.ksefplatform.worker.inbox.domain.Window;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync, window after window: each window's invoices are written as events together with the next checkpoint, so
 * a crash repeats at most the window in progress and never emits an invoice twice. Waiting (budget, outage, a lease
 * the vault cannot give now) is not a failure: the sync is retried later; after {@code maxFailures} attempts in a row
 * it ends with {@code InboxSyncFailed} (retryable) and the scheduler's next run resumes from the checkpoint.
 */
public final class InboxRun {

    private static final Logger log = LoggerFactory.getLogger(InboxRun.class);

    private final InboxStore store;
    private final InboxKsef ksef;
    private final InboxEvents events;
    private final LeaseCache credentials;
    private final InboxSettings settings;
    private final CrashPoints crash;
    private final Clock clock;

    public InboxRun(InboxStore store, InboxKsef ksef, InboxEvents events, LeaseCache credentials,
                    InboxRun.InboxSettings settings, CrashPoints crash, Clock clock) {
        this.crash = crash;
        this.store = store;
        this.ksef = ksef;
        this.events = events;
        this.credentials = credentials;
        this.settings = settings;
        this.clock = clock;
    }

    public void run(InboxSync sync) {
        java.util.concurrent.atomic.AtomicReference<Lease> lease = new java.util.concurrent.atomic.AtomicReference<>();
        CallScope.within(new CallScope.Current(sync.lane(), sync.ref(), lease::get), () -> {
            runScoped(sync, lease);
            return null;
        });
    }

    private void runScoped(InboxSync sync, java.util.concurrent.atomic.AtomicReference<Lease> leased) {
        Checkpoint checkpoint = Checkpoint.start(store.checkpoint(sync.lane(), sync.subjectType()).orElse(null),
                sync.fromHighWaterMark(), clock.instant().minus(settings.lookBack()));
        Lease lease;
        try {
            lease = credentials.lease(sync.lane(), TenantCredentials.INVOICE_READ);
        } catch (TenantCredentials.LeaseDenied denied) {
            store.finish(sync, events.failed(sync, null, denied.getMessage(), !denied.violation(), checkpoint),
                    settings.owner());
            return;
        } catch (KsefFailure failure) {
            retry(sync, null, checkpoint, failure);
            return;
        }
        leased.set(lease);
        windows(sync, lease, checkpoint);
    }

    private void windows(InboxSync sync, Lease lease, Checkpoint start) {
        Checkpoint checkpoint = start;
        int received = sync.received();
        for (int i = 0; i < settings.maxWindows(); i++) {
            Window window;
            try {
                window = ksef.window(sync.lane(), lease.accessToken(), sync.subjectType(), checkpoint);
            } catch (KsefFailure failure) {
                handle(sync, lease, checkpoint, failure);
                return;
            }
            crash.reached(CrashPoints.INBOX_AFTER_DOWNLOAD);
            List<dev.ksefplatform.worker.engine.application.EventEncoder.Encoded> records = window.invoices().stream()
                    .map(invoice -> events.received(sync, lease, invoice)).toList();
            if (!store.window(sync, window, records, settings.owner())) {
                return;
            }
            crash.reached(CrashPoints.INBOX_AFTER_WINDOW);
            received += window.invoices().size();
            checkpoint = window.next();
            log.info("inbox window command={} subjectType={} invoices={} next={} more={}", sync.ref().commandId(),
                    sync.subjectType(), window.invoices().size(), checkpoint.from(), window.more());
            if (!window.more()) {
                break;
            }
        }
        store.finish(sync, events.completed(sync, lease, checkpoint, received), settings.owner());
    }

    private void handle(InboxSync sync, Lease lease, Checkpoint checkpoint, KsefFailure failure) {
        if (failure instanceof KsefFailure.Unauthorized) {
            credentials.invalidate(sync.lane());
        }
        if (failure instanceof KsefFailure.Forbidden) {
            store.finish(sync, events.failed(sync, lease, "KSeF refused the export: " + failure.getMessage()
                    + " — the integration needs InvoiceRead in this context", false, checkpoint), settings.owner());
            return;
        }
        retry(sync, lease, checkpoint, failure);
    }

    private void retry(InboxSync sync, Lease lease, Checkpoint checkpoint, KsefFailure failure) {
        if (failure instanceof KsefFailure.Throttled throttled) {
            // another system spent the context's budget: wait as KSeF asks, never counted as a failure
            store.retryAt(sync, clock.instant().plus(throttled.retryAfter()), failure.getMessage(), false);
            return;
        }
        if (sync.failures() + 1 >= settings.maxFailures()) {
            store.finish(sync, events.failed(sync, lease, failure.getMessage(), true, checkpoint), settings.owner());
            return;
        }
        Duration wait = settings.retry().after(sync.failures() + 1);
        store.retryAt(sync, clock.instant().plus(wait), failure.getMessage(), true);
    }

    /** How syncs run: who this instance is, the look-back of a first sync, and the bounds of one run. */
    public record InboxSettings(String owner, Duration lookBack, int maxWindows, int maxFailures,
                                RetrySchedule retry) {
    }
}
