package dev.ksefplatform.simulator.session;

import dev.ksefplatform.ksef.xml.InvoiceFacts;
import dev.ksefplatform.simulator.fault.FaultInjector;
import dev.ksefplatform.simulator.invoice.AcceptedInvoice;
import dev.ksefplatform.simulator.invoice.AcceptedInvoices;
import dev.ksefplatform.simulator.invoice.AcceptedInvoices.Claim;
import dev.ksefplatform.simulator.invoice.InvoiceVerifier;
import dev.ksefplatform.simulator.invoice.Verdict;
import dev.ksefplatform.simulator.shared.ReferenceNumbers;
import dev.ksefplatform.simulator.shared.StatusInfo;
import dev.ksefplatform.simulator.upo.UpoStorage;
import dev.ksefplatform.simulator.upo.UpoWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Processes sent invoices in the background: 100, then 150 after a delay, then the outcome after another. */
final class InvoiceProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(InvoiceProcessor.class);

    private final InvoiceVerifier verifier;
    private final AcceptedInvoices accepted;
    private final UpoWriter upoWriter;
    private final UpoStorage storage;
    private final ScheduledExecutorService worker;
    private final Duration delay;
    private final FaultInjector faults;
    private final Clock clock;

    InvoiceProcessor(InvoiceVerifier verifier, AcceptedInvoices accepted, UpoWriter upoWriter, UpoStorage storage,
                     ScheduledExecutorService worker, Duration delay, FaultInjector faults, Clock clock) {
        this.verifier = verifier;
        this.accepted = accepted;
        this.upoWriter = upoWriter;
        this.storage = storage;
        this.worker = worker;
        this.delay = delay;
        this.faults = faults;
        this.clock = clock;
    }

    void submit(OnlineSession session, SessionInvoice invoice) {
        later(() -> {
            invoice.moveTo(InvoiceState.PROCESSING);
            later(() -> finish(session, invoice));
        });
    }

    /** While the stuck-at-150 fault is on, invoices wait in 150 and finish once it is lifted, as on KSeF. */
    private void finish(OnlineSession session, SessionInvoice invoice) {
        if (faults.stuckAt150()) {
            later(() -> finish(session, invoice));
        } else {
            invoice.moveTo(outcome(session, invoice));
        }
    }

    static String invoiceUpoName(String sessionReference, String ksefNumber) {
        return sessionReference + "/upo_" + ksefNumber + ".xml";
    }

    /** Decides at once, on the caller's thread (the batch processor runs on the same worker). */
    InvoiceState outcome(OnlineSession session, SessionInvoice invoice) {
        try {
            byte[] xml = invoice.takeContent();
            Verdict verdict = verifier.verify(xml, session.contextNip());
            if (verdict instanceof Verdict.Rejected rejected) {
                return new InvoiceState(rejected.status(), number(rejected.facts()), null, mode(invoice, rejected.facts()));
            }
            return claim(session, invoice, ((Verdict.Valid) verdict).facts(), xml);
        } catch (RuntimeException e) {
            LOG.error("invoice processing failed session={} invoice={}", session.referenceNumber(),
                    invoice.referenceNumber(), e);
            return new InvoiceState(StatusInfo.of(500, "Nieznany błąd (500)"), null, null, null);
        }
    }

    private InvoiceState claim(OnlineSession session, SessionInvoice invoice, InvoiceFacts facts, byte[] xml) {
        Instant now = clock.instant();
        String mode = mode(invoice, facts);
        Claim claim = accepted.claim(facts.sellerNip(), facts.invoiceType(), facts.invoiceNumber(), now,
                ksefNumber -> new AcceptedInvoice(ksefNumber, facts.sellerNip(), facts.invoiceType(),
                        facts.invoiceNumber(), facts.issueDate(), invoice.invoiceHash(), session.referenceNumber(),
                        invoice.invoicingDate(), now, mode));
        if (claim instanceof Claim.Accepted ok) {
            accepted.keep(ok.invoice().ksefNumber(), xml);
            storeUpo(session, ok.invoice());
            return new InvoiceState(StatusInfo.of(200, "Sukces"), facts.invoiceNumber(), ok.invoice(), mode);
        }
        AcceptedInvoice original = ((Claim.Duplicate) claim).original();
        return new InvoiceState(StatusInfo.of(440, "Duplikat faktury").withExtensions(Map.of(
                "originalSessionReferenceNumber", original.sessionReferenceNumber(),
                "originalKsefNumber", original.ksefNumber())), facts.invoiceNumber(), null, mode);
    }

    private void storeUpo(OnlineSession session, AcceptedInvoice invoice) {
        UpoWriter.Sender sender = new UpoWriter.Sender(session.referenceNumber(), session.contextNip(),
                session.opener().tokenReference(), session.opener().login().authDocumentHash());
        storage.put(invoiceUpoName(session.referenceNumber(), invoice.ksefNumber()), upoWriter.invoiceUpo(sender, invoice));
    }

    /** Offline when asked for, or when P_1 is a day before the day it was sent (automatic classification). */
    private static String mode(SessionInvoice invoice, InvoiceFacts facts) {
        if (invoice.offlineMode()) {
            return "Offline";
        }
        LocalDate sent = LocalDate.ofInstant(invoice.invoicingDate(), ReferenceNumbers.WARSAW);
        boolean earlier = facts != null && facts.issueDate() != null && facts.issueDate().compareTo(sent.toString()) < 0;
        return earlier ? "Offline" : "Online";
    }

    private static String number(InvoiceFacts facts) {
        return facts == null ? null : facts.invoiceNumber();
    }

    private void later(Runnable step) {
        worker.schedule(step, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
}
