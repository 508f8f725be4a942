package dev.ksefplatform.worker.engine.application;

import dev.ksefplatform.worker.engine.domain.InFlightInvoice;
import dev.ksefplatform.worker.engine.domain.InvoiceForm;
import dev.ksefplatform.worker.engine.domain.KsefLimit;
import dev.ksefplatform.worker.engine.domain.QueuedInvoice;
import dev.ksefplatform.worker.engine.domain.SessionType;
import dev.ksefplatform.worker.engine.domain.SubmissionOutcome;
import dev.ksefplatform.worker.engine.domain.WorkerEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The online path: one session per lane, kept open and reused; invoices sent in small chunks, each recorded as SENDING
 * before its request and SENT (with KSeF's reference) after, so a crash in between is looked up, never re-sent blind.
 */
final class OnlineSteps {

    private final Lane lane;
    private InvoiceForm sessionForm;

    OnlineSteps(Lane lane) {
        this.lane = lane;
    }

    void open() {
        List<QueuedInvoice> head = lane.deps.store().nextQueued(lane.key, 1);
        if (head.isEmpty()) {
            lane.state.queued = lane.deps.store().queuedCount(lane.key);
            return;
        }
        Lease lease = lane.lease(TenantCredentials.INVOICE_WRITE);
        if (!lane.acquire(KsefLimit.ONLINE_SESSION, 1)) {
            return;
        }
        Instant start = now();
        Ksef.OnlineSession session = lane.deps.ksef().openOnline(lane.key, lease.accessToken(), head.get(0).form());
        WorkerEvent opened = lane.audit.commandEvent(head.get(0).ref(), WorkerEvent.Audit.SESSION_OPEN, 201,
                millisSince(start), null, null, new WorkerEvent.SessionOpened(session.referenceNumber(),
                        SessionType.ONLINE, session.validUntil()));
        lane.deps.store().sessionOpened(lane.key, session.referenceNumber(), SessionType.ONLINE, session.validUntil(),
                "OPEN", List.of(opened));
        lane.state.session = session;
        lane.state.sessionInvoices = 0;
        lane.state.sessionLastUsed = now();
        sessionForm = head.get(0).form();
    }

    void send(int max) {
        List<QueuedInvoice> next = sameForm(lane.deps.store().nextQueued(lane.key, max));
        if (next.isEmpty()) {
            // the count in memory was too high (a command delivered twice is counted on arrival but stored once):
            // without this the lane would step again at once, for ever, finding nothing
            lane.state.queued = lane.deps.store().queuedCount(lane.key);
            return;
        }
        Lease lease = lane.lease(TenantCredentials.INVOICE_WRITE);
        int permitted = 0;
        while (permitted < next.size() && lane.acquire(KsefLimit.INVOICE_SEND, 1)) {
            permitted++;
        }
        if (permitted > 0) {
            sendAll(next.subList(0, permitted), lease);
        }
    }

    void close(String referenceNumber, boolean orphan) {
        Lease lease = lane.lease(TenantCredentials.INVOICE_WRITE);
        if (!lane.acquire(KsefLimit.ONLINE_SESSION, 1)) {
            return;
        }
        try {
            lane.deps.ksef().closeOnline(lane.key, lease.accessToken(), referenceNumber);
        } catch (KsefFailure.SessionGone gone) {
            // already closed or expired in KSeF: what matters is that it is not used again
        }
        lane.deps.store().sessionState(lane.key, referenceNumber, "CLOSED", List.of(lane.audit.laneEvent(
                WorkerEvent.Audit.SESSION_CLOSE, 204, null, new WorkerEvent.SessionClosed(referenceNumber,
                        SessionType.ONLINE))));
        if (orphan) {
            lane.state.orphans.remove(referenceNumber);
        } else {
            forgetSession();
        }
        lane.state.queued = lane.deps.store().queuedCount(lane.key);
    }

    /** KSeF says the session is not open any more: a new one is opened for what is still queued. */
    void sessionGone() {
        Ksef.OnlineSession session = lane.state.session;
        if (session != null) {
            lane.deps.store().sessionState(lane.key, session.referenceNumber(), "CLOSED", List.of());
            forgetSession();
        }
    }

    private void sendAll(List<QueuedInvoice> invoices, Lease lease) {
        Ksef.OnlineSession session = lane.state.session;
        lane.deps.store().sending(lane.key, invoices.stream().map(i -> i.ref().commandId()).toList(),
                session.referenceNumber(), SessionType.ONLINE, Map.of());
        Chunk chunk = new Chunk();
        int i = 0;
        try {
            for (; i < invoices.size(); i++) {
                sendOne(session, lease, invoices.get(i), chunk);
            }
        } catch (KsefFailure failure) {
            chunk.failedAt(invoices, i, failure, session.referenceNumber());
            throw failure;
        } finally {
            chunk.store(invoices.size());
        }
    }

    private void sendOne(Ksef.OnlineSession session, Lease lease, QueuedInvoice invoice, Chunk chunk) {
        Instant start = now();
        try {
            // the send is the command's own call: the audit names the command and its actor, not the lane
            String invoiceRef = CallScope.within(new CallScope.Current(lane.key, invoice.ref(), () -> lease),
                    () -> lane.deps.ksef().send(session, lease.accessToken(), invoice.xml(), invoice.offlineMode()));
            lane.crashPoint(CrashPoints.AFTER_SEND);
            chunk.sent.add(new InFlightInvoice(invoice.ref(), invoice.invoiceNumber(), invoice.invoiceHash(),
                    session.referenceNumber(), SessionType.ONLINE, invoiceRef, true, invoice.earlierSessions()));
            chunk.sentEvents.add(lane.audit.commandEvent(invoice.ref(), WorkerEvent.Audit.INVOICE_SEND, 202,
                    millisSince(start), null, null, new WorkerEvent.InvoiceSent(session.referenceNumber(),
                            SessionType.ONLINE, invoiceRef, invoice.invoiceHash(), invoice.invoiceNumber(), null)));
        } catch (KsefFailure.Refused refused) {
            chunk.refused.put(invoice.ref().commandId(), "ABANDONED");
            chunk.refusedEvents.add(lane.audit.commandEvent(invoice.ref(), WorkerEvent.Audit.INVOICE_SEND,
                    refused.httpStatus(), millisSince(start), refused.getMessage(), refused.code(),
                    new SubmissionOutcome.Abandoned("KSeF refused the invoice: " + refused.getMessage(), 1,
                            invoice.invoiceNumber())));
        }
    }

    private List<QueuedInvoice> sameForm(List<QueuedInvoice> queued) {
        List<QueuedInvoice> same = new ArrayList<>();
        for (QueuedInvoice invoice : queued) {
            if (!invoice.form().equals(sessionForm)) {
                if (same.isEmpty() && lane.state.session != null) {
                    close(lane.state.session.referenceNumber(), false);
                }
                break;
            }
            same.add(invoice);
        }
        return same;
    }

    void afterSent(List<InFlightInvoice> sent, int attempted) {
        Instant now = now();
        lane.state.queued = Math.max(0, lane.state.queued - attempted);
        lane.state.sessionInvoices += sent.size();
        lane.state.sessionLastUsed = now;
        Duration first = lane.deps.retries().poll(0);
        sent.forEach(i -> lane.state.awaiting.put(i.ref().commandId(), new LaneState.Awaiting(i, now.plus(first), 0)));
    }

    /** The session is not used again (closed, gone, or no longer open in the database). */
    void forgetSession() {
        lane.state.session = null;
        lane.state.sessionInvoices = 0;
        sessionForm = null;
    }

    private Instant now() {
        return lane.deps.clock().instant();
    }

    private long millisSince(Instant start) {
        return Duration.between(start, now()).toMillis();
    }

    /** What one chunk came to: sent, refused, and what must be looked up or queued again after a failure. */
    private final class Chunk {
        final List<InFlightInvoice> sent = new ArrayList<>();
        final List<WorkerEvent> sentEvents = new ArrayList<>();
        final Map<String, String> refused = new LinkedHashMap<>();
        final List<WorkerEvent> refusedEvents = new ArrayList<>();
        final List<String> requeue = new ArrayList<>();

        /**
         * The send of invoice {@code at} failed. After a 5xx, a timeout or an HTML page KSeF may have received it: it
         * stays SENDING, to be looked up in the session's list. After a 429, 401, 403 or a closed session KSeF did not
         * process it. The rest of the chunk was never sent: queued again.
         */
        void failedAt(List<QueuedInvoice> invoices, int at, KsefFailure failure, String sessionRef) {
            QueuedInvoice failed = invoices.get(at);
            if (failure instanceof KsefFailure.Unavailable) {
                lane.state.unconfirmed.put(failed.ref().commandId(), new InFlightInvoice(failed.ref(),
                        failed.invoiceNumber(), failed.invoiceHash(), sessionRef, SessionType.ONLINE, null, false,
                        failed.earlierSessions()));
            } else {
                requeue.add(failed.ref().commandId());
            }
            invoices.subList(at + 1, invoices.size()).forEach(i -> requeue.add(i.ref().commandId()));
        }

        void store(int attempted) {
            LaneStore store = lane.deps.store();
            if (!requeue.isEmpty()) {
                store.requeued(lane.key, requeue, null);
            }
            if (!sent.isEmpty()) {
                store.sent(lane.key, sent, sent.size(), sentEvents);
            }
            if (!refused.isEmpty()) {
                store.finished(lane.key, refused, refusedEvents);
            }
            afterSent(sent, attempted - requeue.size());
        }
    }
}
