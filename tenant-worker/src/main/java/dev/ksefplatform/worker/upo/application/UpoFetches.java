package dev.ksefplatform.worker.upo.application;

import dev.ksefplatform.schemas.logging.LogScope;
import dev.ksefplatform.worker.engine.application.CallScope;
import dev.ksefplatform.worker.engine.application.Ksef;
import dev.ksefplatform.worker.engine.application.KsefFailure;
import dev.ksefplatform.worker.engine.application.Lease;
import dev.ksefplatform.worker.engine.application.LogIds;
import dev.ksefplatform.worker.engine.application.RetrySchedule;
import dev.ksefplatform.worker.engine.application.TenantCredentials;
import dev.ksefplatform.worker.engine.domain.CommandRef;
import dev.ksefplatform.worker.engine.domain.LaneKey;
import dev.ksefplatform.worker.upo.domain.UpoFetch;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes, for every accepted invoice of the partitions this instance owns, the XML as sent
 * ({@code SentInvoiceStored}) and then its UPO ({@code UpoReceived}), apart from the lanes: one thread (a round's
 * downloads on a small pool of its own, {@link Downloads}), never a send.
 * The UPO comes from the pre-signed link KSeF gave (not rate-limited); an expired or missing link is asked again within
 * the lane's budget ({@link UpoLinks}). The client checks the bytes against {@code x-ms-meta-hash}; the UPO must name
 * the invoice's KSeF number. Whatever fails is tried again later with back-off: a UPO never fails or re-sends anything.
 */
public final class UpoFetches {

    private static final Logger log = LoggerFactory.getLogger(UpoFetches.class);
    private static final Duration NO_BUDGET = Duration.ofSeconds(5);
    /** Sent documents read and published in one transaction: a bound on the XML held at once, not a tuning knob. */
    private static final int DOCUMENTS_AT_ONCE = 10;

    private final UpoStore store;
    private final UpoEvents events;
    private final Ksef ksef;
    private final UpoLinks links;
    private final TenantCredentials leases;
    private final Supplier<Collection<Integer>> ownedPartitions;
    private final Settings settings;
    private final Clock clock;
    private final Runnable lost;
    private final Downloads downloads;

    /**
     * {@code batch}: rows a tick takes; {@code retries}: back-off after a failure; {@code giveUpAfter}: how long
     * after its acceptance an invoice's UPO is still tried (a failure after that ends the row {@code LOST}).
     */
    public record Settings(String owner, int batch, RetrySchedule retries, Duration giveUpAfter) {
    }

    /** {@code lost} is told of every row given up (a metric). */
    public UpoFetches(UpoStore store, UpoEvents events, UpoKsef ksef, Supplier<Collection<Integer>> ownedPartitions,
                      Settings settings, Clock clock, Runnable lost, Downloads downloads) {
        this.store = store;
        this.events = events;
        this.ksef = ksef.ksef();
        this.links = new UpoLinks(ksef.ksef(), ksef.budget(), ksef.leases(), store);
        this.leases = ksef.leases();
        this.ownedPartitions = ownedPartitions;
        this.settings = settings;
        this.clock = clock;
        this.lost = lost;
        this.downloads = downloads;
    }

    /**
     * One round: works through at most {@code batch} due rows. Answers whether the round was full (more rows may be
     * due now: the thread runs the next round at once). The round bounds what one transaction and the heap carry; the
     * pace is the thread's own: it runs beside the lanes' pool, never in it, so the lanes' turns do not wait for it,
     * and the UPOs of accepted invoices keep up with the rate they are accepted at (one round a tick once capped that
     * at {@code batch} a second, 50, below what one instance accepts).
     */
    public boolean tick() {
        Collection<Integer> partitions = ownedPartitions.get();
        if (partitions.isEmpty()) {
            return false;
        }
        links.newRound();
        List<UpoFetch> due = store.due(partitions, settings.batch(), clock.instant());
        List<UpoFetch> documented = new ArrayList<>(due.size());
        for (List<UpoFetch> chunk : chunks(due)) {
            documented.addAll(storeDocuments(chunk));
        }
        Queue<UpoStore.Published> upos = new ConcurrentLinkedQueue<>();
        downloads.each(documented, fetch -> work(fetch, upos::add));
        storeUpos(List.copyOf(upos));
        return due.size() == settings.batch();
    }

    /** Rows in groups of {@link #DOCUMENTS_AT_ONCE}: the documents of one group are in memory together. */
    private static List<List<UpoFetch>> chunks(List<UpoFetch> due) {
        List<List<UpoFetch>> chunks = new ArrayList<>();
        for (int i = 0; i < due.size(); i += DOCUMENTS_AT_ONCE) {
            chunks.add(due.subList(i, Math.min(due.size(), i + DOCUMENTS_AT_ONCE)));
        }
        return chunks;
    }

    /**
     * The {@code SentInvoiceStored} of every row of the chunk not yet published: one read of their XML, one fenced
     * transaction. If that fails, each row stores its own in {@link #work} (and is retried alone if that fails too).
     */
    private List<UpoFetch> storeDocuments(List<UpoFetch> chunk) {
        List<UpoFetch> pending = chunk.stream().filter(f -> !f.documentStored()).toList();
        if (pending.isEmpty()) {
            return chunk;
        }
        try {
            Map<String, byte[]> xml = store.sentXml(pending.stream().map(f -> f.ref().commandId()).toList());
            store.documentsStored(pending.stream().map(f -> {
                byte[] document = xml.get(f.ref().commandId());
                return new UpoStore.Published(f, document == null ? null : events.sentInvoiceStored(f, document));
            }).toList(), settings.owner());
            return chunk.stream().map(f -> f.documentStored() ? f : f.withDocumentStored()).toList();
        } catch (RuntimeException e) {
            log.warn("documents of {} accepted invoices not stored together, one by one now cause={}", pending.size(),
                    e.getMessage());
            return chunk;
        }
    }

    /**
     * The {@code UpoReceived} of every UPO this tick downloaded, in one fenced transaction; if that fails, each is
     * retried later with its link (nothing was written: the transaction is all or nothing).
     */
    private void storeUpos(List<UpoStore.Published> upos) {
        if (upos.isEmpty()) {
            return;
        }
        try {
            store.uposStored(upos, settings.owner());
        } catch (RuntimeException e) {
            upos.forEach(upo -> retry(upo.fetch(), upo.fetch().upoUrl(), e.getMessage(), true));
            return;
        }
        Map<LaneKey, List<UpoFetch>> byLane = new LinkedHashMap<>();
        for (UpoStore.Published upo : upos) {
            UpoFetch fetch = upo.fetch();
            byLane.computeIfAbsent(fetch.lane(), lane -> new ArrayList<>()).add(fetch);
            if (log.isDebugEnabled()) {
                try (LogScope ids = LogIds.enter(fetch.lane(), fetch.ref(), fetch.integrationId())) {
                    log.debug("UPO stored command={} tenantId={} ksefNumber={}", fetch.ref().commandId(),
                            fetch.ref().tenantId(), fetch.ksefNumber());
                }
            }
        }
        byLane.forEach(UpoFetches::logStored);
    }

    /**
     * One INFO line per lane and round, naming every KSeF number, with the lane's ids (and the integration when all
     * its invoices were sent with one): a line per invoice cost 6 % of the worker's CPU samples in a cost run (the
     * JSON encoder), and the event log is the record of each invoice. The line per invoice is DEBUG.
     */
    private static void logStored(LaneKey lane, List<UpoFetch> fetches) {
        List<String> integrations = fetches.stream().map(UpoFetch::integrationId).distinct().toList();
        try (LogScope ids = LogIds.enter(lane, CommandRef.ofLane(lane), integrations.size() == 1 ? integrations.get(0)
                : null)) {
            log.info("UPOs stored tenantId={} invoices={} ksefNumbers={}", lane.tenantId(), fetches.size(),
                    fetches.stream().map(UpoFetch::ksefNumber).toList());
        }
    }

    private void work(UpoFetch fetch, Consumer<UpoStore.Published> downloaded) {
        AtomicReference<Lease> lease = new AtomicReference<>();
        AtomicBoolean documentStored = new AtomicBoolean(fetch.documentStored());
        try {
            CallScope.within(new CallScope.Current(fetch.lane(), fetch.ref(), lease::get), () -> {
                storeDocument(fetch);
                documentStored.set(true);
                fetchUpo(fetch, lease::set, downloaded);
                return null;
            });
        } catch (KsefFailure e) {
            // a link KSeF's storage refuses (4xx: expired or not valid) is dropped: the next attempt asks for a new one
            retry(fetch, e.httpStatus() != null && e.httpStatus() / 100 == 4 ? null : fetch.upoUrl(), e.getMessage(),
                    documentStored.get());
        } catch (RuntimeException e) {
            retry(fetch, fetch.upoUrl(), e.getMessage(), documentStored.get());
        }
    }

    private void storeDocument(UpoFetch fetch) {
        if (!fetch.documentStored()) {
            byte[] xml = store.sentXml(fetch.ref().commandId());
            store.documentStored(fetch, xml == null ? null : events.sentInvoiceStored(fetch, xml), settings.owner());
        }
    }

    private void fetchUpo(UpoFetch fetch, Consumer<Lease> using, Consumer<UpoStore.Published> downloaded) {
        if (fetch.upoUrl() != null) {
            attribute(fetch, using);
        }
        Optional<String> link = fetch.upoUrl() != null ? Optional.of(fetch.upoUrl()) : links.fresh(fetch, using);
        if (link.isEmpty()) {
            store.later(fetch, clock.instant().plus(NO_BUDGET), null, "no budget to spare for a UPO link now",
                    settings.owner());
            return;
        }
        Ksef.Upo upo = ksef.sessionUpo(fetch.lane(), link.get());
        if (upo.entries().stream().noneMatch(e -> fetch.ksefNumber().equals(e.ksefNumber()))) {
            retry(fetch, null, "the UPO does not name " + fetch.ksefNumber(), true);
            return;
        }
        downloaded.accept(new UpoStore.Published(fetch.withUpoUrl(link.get()), events.upoReceived(fetch, upo.xml())));
    }

    /**
     * A storage link needs no token, but its download is a call made for the tenant's integration account: the (cached)
     * lease names it in the audit. A refused lease does not hold the UPO back; that one call is then audited without.
     */
    private void attribute(UpoFetch fetch, Consumer<Lease> using) {
        try {
            using.accept(leases.lease(fetch.lane(), TenantCredentials.INVOICE_WRITE));
        } catch (TenantCredentials.LeaseDenied denied) {
            log.warn("UPO download audited without its integration command={} cause={}", fetch.ref().commandId(),
                    denied.getMessage());
        }
    }

    /** Gives up only once the XML as sent is published: that never depends on KSeF. */
    private void retry(UpoFetch fetch, String upoUrl, String error, boolean documentStored) {
        if (documentStored && !clock.instant().isBefore(fetch.createdAt().plus(settings.giveUpAfter()))) {
            giveUp(fetch, error);
            return;
        }
        log.warn("UPO postponed command={} ksefNumber={} attempts={} cause={}", fetch.ref().commandId(),
                fetch.ksefNumber(), fetch.attempts() + 1, error);
        store.later(fetch, clock.instant().plus(settings.retries().after(fetch.attempts() + 1)), upoUrl, error,
                settings.owner());
    }

    /** Only a failure gives up: waiting for KSeF's budget is not one. */
    private void giveUp(UpoFetch fetch, String error) {
        log.error("UPO given up command={} tenantId={} ksefNumber={} attempts={} acceptedAt={} cause={}",
                fetch.ref().commandId(), fetch.ref().tenantId(), fetch.ksefNumber(), fetch.attempts() + 1,
                fetch.createdAt(), error);
        store.lost(fetch, error, settings.owner());
        lost.run();
    }
}
