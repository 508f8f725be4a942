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
import dev.ksefplatform.simulator.invoice.InvoiceDetails;
import dev.ksefplatform.simulator.shared.Workers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes sent invoices in the background: 100, then 150 after a delay, then the outcome after another, decided on
 * the session's lane (so a session's invoices are decided in the order they arrived; sessions run in parallel).
 */
final class InvoiceProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(InvoiceProcessor.class);

    private final InvoiceVerifier verifier;
    private final AcceptedInvoices accepted;
    private final UpoWriter upoWriter;
    private final UpoStorage storage;
    private final Workers workers;
    private final Duration delay;
    private final FaultInjector faults;
    private final Clock clock;

    InvoiceProcessor(InvoiceVerifier verifier, AcceptedInvoices accepted, UpoWriter upoWriter, UpoStorage storage,
                     Workers workers, Duration delay, FaultInjector faults, Clock clock) {
        this.verifier = verifier;
        this.accepted = accepted;
        this.upoWriter = upoWriter;
        this.storage = storage;
        this.workers = workers;
        this.delay = delay;
        this.faults = faults;
        this.clock = clock;
    }

    void submit(OnlineSession session, SessionInvoice invoice) {
        workers.after(delay, () -> {
            session.settle(invoice, InvoiceState.PROCESSING);
            workers.after(delay, () -> session.lane().execute(() -> finish(session, invoice)));
        });
    }

    /** While the stuck-at-150 fault is on, invoices wait in 150 and finish once it is lifted, as on KSeF. */
    private void finish(OnlineSession session, SessionInvoice invoice) {
        if (faults.stuckAt150()) {
            workers.after(delay, () -> session.lane().execute(() -> finish(session, invoice)));
        } else {
            session.settle(invoice, outcome(session, invoice));
        }
    }

    static String invoiceUpoName(String sessionReference, String ksefNumber) {
        return sessionReference + "/upo_" + ksefNumber + ".xml";
    }

    /** Decides at once, on the caller's thread (the session's lane). */
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
        String mode = mode(invoice, facts);
        Optional<AcceptedInvoice> known = accepted.original(facts.sellerNip(), facts.invoiceType(), facts.invoiceNumber());
        Claim claim = known.isPresent() ? new Claim.Duplicate(known.get()) : accept(session, invoice, facts, xml, mode);
        if (claim instanceof Claim.Accepted ok) {
            storeUpo(session, ok.invoice());
            return new InvoiceState(StatusInfo.of(200, "Sukces"), facts.invoiceNumber(), ok.invoice(), mode);
        }
        AcceptedInvoice original = ((Claim.Duplicate) claim).original();
        return new InvoiceState(StatusInfo.of(440, "Duplikat faktury").withExtensions(Map.of(
                "originalSessionReferenceNumber", original.sessionReferenceNumber(),
                "originalKsefNumber", original.ksefNumber())), facts.invoiceNumber(), null, mode);
    }

    private Claim accept(OnlineSession session, SessionInvoice invoice, InvoiceFacts facts, byte[] xml, String mode) {
        long document = accepted.store(xml);
        InvoiceDetails details = InvoiceDetails.read(xml);
        Instant now = clock.instant();
        return accepted.claim(facts.sellerNip(), facts.invoiceType(), facts.invoiceNumber(), now,
                ksefNumber -> new AcceptedInvoice(ksefNumber, facts.sellerNip(), facts.invoiceType(),
                        facts.invoiceNumber(), facts.issueDate(), invoice.invoiceHash(), session.referenceNumber(),
                        invoice.invoicingDate(), now, now.plus(AcceptedInvoice.PERMANENT_STORAGE_DELAY), mode, details,
                        document));
    }

    private void storeUpo(OnlineSession session, AcceptedInvoice invoice) {
        UpoWriter.Sender sender = new UpoWriter.Sender(session.referenceNumber(), session.contextNip(),
                session.opener().tokenReference(), session.opener().login().authDocumentHash());
        storage.put(invoiceUpoName(session.referenceNumber(), invoice.ksefNumber()),
                () -> upoWriter.invoiceUpo(sender, invoice));
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
}
