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
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link KsefSubmissions} over the ksef-client library: open an online session, send, await, close. */
public class ClientKsefSubmissions implements KsefSubmissions {

    private static final Logger log = LoggerFactory.getLogger(ClientKsefSubmissions.class);

    private final KsefEnvironments environments;
    private final Duration statusTimeout;

    public ClientKsefSubmissions(KsefEnvironments environments, Duration statusTimeout) {
        this.environments = environments;
        this.statusTimeout = statusTimeout;
    }

    @Override
    public KsefReceipt submit(InvoiceSubmission submission, AccessToken accessToken) {
        KsefOnlineSessions sessions = environments.client(submission.environment()).onlineSessions();
        try {
            OnlineSession session = sessions.open(accessToken.value(), formCode(submission.form()));

            try {
                SentInvoice sent = session.send(submission.xml(), submission.offlineMode());
                InvoiceStatus status = sessions.awaitInvoiceStatus(accessToken.value(), session.referenceNumber(),
                        sent.referenceNumber(), statusTimeout);
                requireFinal(status);
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
