package dev.ksefplatform.worker.submission.adapter.ksef;

import dev.ksefplatform.ksef.client.FormCode;
import dev.ksefplatform.ksef.client.InvoiceStatus;
import dev.ksefplatform.ksef.client.KsefOnlineSessions;
import dev.ksefplatform.ksef.client.OnlineSession;
import dev.ksefplatform.ksef.client.SentInvoice;
import dev.ksefplatform.ksef.client.error.KsefException;
import dev.ksefplatform.worker.submission.application.AccessToken;
import dev.ksefplatform.worker.submission.application.KsefSubmissions;
import dev.ksefplatform.worker.submission.application.TransientFailure;
import dev.ksefplatform.worker.submission.domain.FinalInvoiceStatus;
import dev.ksefplatform.worker.submission.domain.InvoiceSubmission;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link KsefSubmissions} over the ksef-client library: open an online session, send, await, close. */
public class ClientKsefSubmissions implements KsefSubmissions {

    private static final Logger log = LoggerFactory.getLogger(ClientKsefSubmissions.class);

    private final KsefEnvironments environments;
    private final Duration statusTimeout;
    private final Clock clock;
    private final SentInvoices sentInvoices = new SentInvoices();

    public ClientKsefSubmissions(KsefEnvironments environments, Duration statusTimeout, Clock clock) {
        this.environments = environments;
        this.statusTimeout = statusTimeout;
        this.clock = clock;
    }

    @Override
    public KsefReceipt submit(InvoiceSubmission submission, AccessToken accessToken) {
        KsefOnlineSessions sessions = environments.client(submission.environment()).onlineSessions();
        String commandId = submission.command().commandId();
        try {
            Optional<SentInvoices.Sent> earlier = sentInvoices.find(commandId, clock.instant());
            if (earlier.isPresent()) {
                return resume(sessions, accessToken, commandId, earlier.get());
            }
            OnlineSession session = sessions.open(accessToken.value(), formCode(submission.form()));
            try {
                SentInvoice sent = session.send(submission.xml(), submission.offlineMode());
                SentInvoices.Sent remembered = new SentInvoices.Sent(session.referenceNumber(), session.validUntil(),
                        sent.referenceNumber(), sent.invoiceHash(), sent.invoiceSize(), clock.instant());
                sentInvoices.remember(commandId, remembered);
                InvoiceStatus status = sessions.awaitInvoiceStatus(accessToken.value(), session.referenceNumber(),
                        sent.referenceNumber(), statusTimeout);
                requireFinal(status);
                sentInvoices.forget(commandId);
                return new KsefReceipt(session.referenceNumber(), session.validUntil(), close(session),
                        finalStatus(session.referenceNumber(), sent, status));
            } catch (RuntimeException e) {
                close(session);
                throw e;
            }
        } catch (KsefException e) {
            throw KsefFailures.translate(e);
        }
    }

    /** The invoice already reached KSeF on an earlier attempt: only its verdict is still missing. */
    private KsefReceipt resume(KsefOnlineSessions sessions, AccessToken accessToken, String commandId,
                               SentInvoices.Sent sent) {
        log.info("resuming status poll of an invoice already sent commandId={} sessionReferenceNumber={} invoiceReferenceNumber={}",
                commandId, sent.sessionReferenceNumber(), sent.invoiceReferenceNumber());
        InvoiceStatus status = sessions.awaitInvoiceStatus(accessToken.value(), sent.sessionReferenceNumber(),
                sent.invoiceReferenceNumber(), statusTimeout);
        requireFinal(status);
        sentInvoices.forget(commandId);
        SentInvoice invoice = new SentInvoice(sent.invoiceReferenceNumber(), sent.invoiceHash(), sent.invoiceSize());
        // the session was closed (or left to KSeF's own timeout) when the earlier attempt failed
        return new KsefReceipt(sent.sessionReferenceNumber(), sent.sessionValidUntil(), false,
                finalStatus(sent.sessionReferenceNumber(), invoice, status));
    }

    /** A failed close does not change KSeF's verdict on the invoice; KSeF closes idle sessions itself. */
    private static boolean close(OnlineSession session) {
        try {
            session.close();
            return true;
        } catch (KsefException e) {
            log.warn("could not close KSeF session sessionReferenceNumber={} error={}",
                    session.referenceNumber(), e.getMessage());
            return false;
        }
    }

    private void requireFinal(InvoiceStatus status) {
        if (!status.isFinal()) {
            throw new TransientFailure("invoice status still " + status.code() + " after " + statusTimeout,
                    null, null, null);
        }
    }

    private static FormCode formCode(InvoiceSubmission.InvoiceForm form) {
        return new FormCode(form.systemCode(), form.schemaVersion(), form.value());
    }

    private static FinalInvoiceStatus finalStatus(String sessionRef, SentInvoice sent, InvoiceStatus s) {
        return new FinalInvoiceStatus(sessionRef, sent.referenceNumber(), sent.invoiceHash(), s.code(),
                s.description(), s.details(), s.extensions(), s.ksefNumber(), s.invoiceNumber(),
                s.acquisitionDate(), s.upoDownloadUrl());
    }
}
