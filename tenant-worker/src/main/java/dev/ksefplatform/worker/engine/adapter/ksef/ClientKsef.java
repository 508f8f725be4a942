package dev.ksefplatform.worker.engine.adapter.ksef;

import dev.ksefplatform.ksef.client.BatchInvoice;
import dev.ksefplatform.ksef.client.FormCode;
import dev.ksefplatform.ksef.client.InvoiceStatus;
import dev.ksefplatform.ksef.client.KsefClient;
import dev.ksefplatform.ksef.client.OnlineSession;
import dev.ksefplatform.ksef.client.PreparedBatch;
import dev.ksefplatform.ksef.client.SessionInvoicePage;
import dev.ksefplatform.ksef.client.SessionStatus;
import dev.ksefplatform.ksef.client.UpoPage;
import dev.ksefplatform.ksef.client.error.KsefException;
import dev.ksefplatform.worker.engine.application.AccessToken;
import dev.ksefplatform.worker.engine.application.Ksef;
import dev.ksefplatform.worker.engine.application.KsefFailure;
import dev.ksefplatform.worker.engine.domain.FinalInvoiceStatus;
import dev.ksefplatform.worker.engine.domain.InvoiceForm;
import dev.ksefplatform.worker.engine.domain.LaneKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link Ksef} over ksef-client: one request per method, its exceptions translated for the lanes. */
public class ClientKsef implements Ksef {

    private final KsefEnvironments environments;
    private final BudgetSeeding seeding;

    public ClientKsef(KsefEnvironments environments, BudgetSeeding seeding) {
        this.environments = environments;
        this.seeding = seeding;
    }

    @Override
    public OnlineSession openOnline(LaneKey lane, AccessToken token, InvoiceForm form) {
        dev.ksefplatform.ksef.client.OnlineSession session = call(() -> client(lane).onlineSessions()
                .open(token.value(), formCode(form)));
        return new Opened(session);
    }

    @Override
    public String send(OnlineSession session, AccessToken token, byte[] xml, boolean offlineMode) {
        dev.ksefplatform.ksef.client.OnlineSession open = ((Opened) session).session();
        return call(() -> open.send(token.value(), xml, offlineMode)).referenceNumber();
    }

    @Override
    public void closeOnline(LaneKey lane, AccessToken token, String sessionReferenceNumber) {
        call(() -> {
            client(lane).onlineSessions().close(token.value(), sessionReferenceNumber);
            return null;
        });
    }

    @Override
    public Optional<FinalInvoiceStatus> invoiceStatus(LaneKey lane, AccessToken token, String sessionRef,
                                                      String invoiceRef) {
        InvoiceStatus status = call(() -> client(lane).onlineSessions().invoiceStatus(token.value(), sessionRef,
                invoiceRef));
        return status.isFinal() ? Optional.of(finalStatus(sessionRef, invoiceRef, null, status)) : Optional.empty();
    }

    @Override
    public SessionPage sessionInvoices(LaneKey lane, AccessToken token, String sessionRef, boolean failedOnly,
                                      String continuation) {
        SessionInvoicePage page = call(() -> failedOnly
                ? client(lane).sessionInvoices().failedPage(token.value(), sessionRef, continuation)
                : client(lane).sessionInvoices().page(token.value(), sessionRef, continuation));
        List<SessionInvoice> invoices = new ArrayList<>();
        page.invoices().forEach(i -> invoices.add(new SessionInvoice(i.referenceNumber(), i.invoiceHash(), null,
                i.status() != null && i.status().isFinal()
                        ? finalStatus(sessionRef, i.referenceNumber(), i.invoiceHash(), i.status()) : null)));
        return new SessionPage(invoices, page.isLast() ? null : page.continuationToken());
    }

    @Override
    public SessionState sessionState(LaneKey lane, AccessToken token, String sessionRef) {
        SessionStatus status = call(() -> client(lane).onlineSessions().sessionStatus(token.value(), sessionRef));
        return new SessionState(status.code(), status.description(),
                status.failedInvoiceCount() == null ? 0 : status.failedInvoiceCount(),
                status.upoPages().stream().map(UpoPage::downloadUrl).toList());
    }

    @Override
    public Batch prepareBatch(LaneKey lane, InvoiceForm form, Iterable<BatchEntry> entries) {
        Iterable<BatchInvoice> invoices = () -> new MappedIterator<>(entries.iterator(),
                e -> new BatchInvoice(e.fileName(), () -> e.xml().open()));
        PreparedBatch prepared = client(lane).batchSessions().prepare(formCode(form), invoices);
        return new PreparedBatchAdapter(prepared);
    }

    @Override
    public Upo sessionUpo(LaneKey lane, String downloadUrl) {
        byte[] xml = call(() -> client(lane).sessionInvoices().downloadUpo(downloadUrl));
        return new Upo(xml, SessionUpoParser.entries(xml));
    }

    @Override
    public void seedBudget(LaneKey lane, AccessToken token) {
        seeding.seed(lane, () -> call(() -> client(lane).limits().rateLimits(token.value())));
    }

    KsefClient client(LaneKey lane) {
        return environments.client(lane.environment());
    }

    /** A client exception in the terms the worker acts on (for the other features that call KSeF). */
    public static KsefFailure translate(KsefException e) {
        return KsefFailures.translate(e);
    }

    static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (KsefException e) {
            throw KsefFailures.translate(e);
        }
    }

    private static FormCode formCode(InvoiceForm form) {
        return new FormCode(form.systemCode(), form.schemaVersion(), form.value());
    }

    private static FinalInvoiceStatus finalStatus(String sessionRef, String invoiceRef, String hash, InvoiceStatus s) {
        return new FinalInvoiceStatus(sessionRef, invoiceRef, hash, s.code(), s.description(), s.details(),
                s.extensions(), s.ksefNumber(), s.invoiceNumber(), s.acquisitionDate(), s.upoDownloadUrl());
    }

    /** An online session opened by this process; its AES key lives in the client's session object only. */
    private record Opened(dev.ksefplatform.ksef.client.OnlineSession session) implements OnlineSession {
        @Override
        public String referenceNumber() {
            return session.referenceNumber();
        }

        @Override
        public Instant validUntil() {
            return session.validUntil();
        }
    }
}
