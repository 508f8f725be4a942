package dev.ksefplatform.ksef.client;

import dev.ksefplatform.ksef.client.InvoiceQuery.DateType;
import dev.ksefplatform.ksef.client.InvoiceQuery.SubjectType;
import dev.ksefplatform.ksef.client.error.KsefExportFailedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Incremental receiving by exports, one subject type at a time (KSeF's HWM procedure): each window is a
 * {@code PermanentStorage} export from the checkpoint, restricted to the permanent-storage HWM and without {@code to}
 * (or with {@code to} = from + 3 months when the checkpoint is older than KSeF's range limit); the next window starts
 * at {@code lastPermanentStorageDate} when the package was truncated, else at {@code permanentStorageHwmDate} (or at
 * that {@code to}, if earlier). Invoices are de-duplicated by KSeF number, across windows and across runs at the
 * checkpoint instant. Schedule runs no more often than every 15 minutes per subject type on production.
 */
public final class IncrementalSync {

    /** Export status: {@code dateRange.from} is past the permanent-storage HWM. */
    static final int BEYOND_HWM = 420;

    private final KsefInvoiceExports exports;
    private final Duration exportTimeout;
    private final int maxWindows;
    private final Clock clock;

    /** {@code maxWindows} bounds one run (each window is an export, rate-limited by KSeF). */
    public IncrementalSync(KsefInvoiceExports exports, Duration exportTimeout, int maxWindows) {
        this(exports, exportTimeout, maxWindows, Clock.systemUTC());
    }

    public IncrementalSync(KsefInvoiceExports exports, Duration exportTimeout, int maxWindows, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.exports = Objects.requireNonNull(exports, "exports");
        this.exportTimeout = Objects.requireNonNull(exportTimeout, "exportTimeout");
        if (maxWindows < 1) {
            throw new IllegalArgumentException("maxWindows must be >= 1");
        }
        this.maxWindows = maxWindows;
    }

    /**
     * Runs windows until one is not truncated (caught up to the HWM) or {@code maxWindows} is reached. A window that
     * KSeF ends with export status 420 (its start is past the HWM) means nothing new yet: the run stops there and the
     * checkpoint stays.
     */
    public SyncResult run(String accessToken, SubjectType subjectType, SyncCheckpoint checkpoint, InvoiceSink sink) {
        Deduplicating deduplicating = new Deduplicating(new HashSet<>(checkpoint.receivedAtFrom()), sink);
        SyncCheckpoint current = checkpoint;
        int windows = 0;
        boolean more = true;
        while (more && windows < maxWindows) {
            Instant to = rangeEnd(current.from());
            InvoiceQuery query = new InvoiceQuery(subjectType, DateType.PermanentStorage, current.from(), to, true);
            windows++;
            Optional<ExportPackage> exported = window(accessToken, query);
            if (exported.isEmpty()) {
                more = false;
                break;
            }
            try (ExportPackage window = exported.get()) {
                window.forEachInvoice(deduplicating);
                SyncCheckpoint next = next(window, current, to);
                // A truncated window that does not move forward (10,000 invoices at one instant) would loop forever.
                more = (window.status().truncated() || next.from().equals(to)) && next.from().isAfter(current.from());
                current = next;
            }
        }
        return new SyncResult(current, windows, deduplicating.delivered, deduplicating.skipped, more);
    }

    /** The window's package, or empty when KSeF says its start is past the HWM (export status 420). */
    private Optional<ExportPackage> window(String accessToken, InvoiceQuery query) {
        try {
            return Optional.of(exports.export(accessToken, query, false, exportTimeout));
        } catch (KsefExportFailedException e) {
            if (e.statusCode() == BEYOND_HWM) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static final class Deduplicating implements InvoiceSink {
        private final Set<String> seen;
        private final InvoiceSink sink;
        private int delivered;
        private int skipped;

        private Deduplicating(Set<String> seen, InvoiceSink sink) {
            this.seen = seen;
            this.sink = sink;
        }

        @Override
        public void accept(InvoiceMetadata metadata, byte[] xml) {
            if (seen.add(metadata.ksefNumber())) {
                sink.accept(metadata, xml);
                delivered++;
            } else {
                skipped++;
            }
        }
    }

    /** KSeF accepts ranges of at most 3 months; an older checkpoint is caught up in 3-month windows. */
    private Instant rangeEnd(Instant from) {
        Instant limit = from.atZone(ZoneOffset.UTC).plusMonths(3).toInstant();
        return limit.isBefore(clock.instant()) ? limit : null;
    }

    private static SyncCheckpoint next(ExportPackage window, SyncCheckpoint current, Instant to) {
        ExportStatus status = window.status();
        Instant reported = status.truncated() ? status.lastPermanentStorageDate() : status.permanentStorageHwmDate();
        Instant from = !status.truncated() && to != null && (reported == null || to.isBefore(reported)) ? to : reported;
        if (from == null || from.isBefore(current.from())) {
            return current;
        }
        Set<String> atFrom = new HashSet<>();
        window.metadata().stream()
                .filter(m -> m.permanentStorageDate() != null && !m.permanentStorageDate().isBefore(from))
                .forEach(m -> atFrom.add(m.ksefNumber()));
        if (from.equals(current.from())) {
            atFrom.addAll(current.receivedAtFrom());
        }
        return new SyncCheckpoint(from, atFrom);
    }
}
