package dev.ksefplatform.simulator.invoice;

import dev.ksefplatform.ksef.xml.Fa3Schema;
import dev.ksefplatform.ksef.xml.InvoiceFacts;
import dev.ksefplatform.simulator.error.SimRequestInvalid;
import dev.ksefplatform.simulator.shared.Crypto;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Simulator-only: what reached KSeF, so tests can prove that no invoice arrived twice; and a way to
 * put invoices into KSeF without a seller's session (inbound data for a buyer, free of rate limits).
 */
@RestController
public class SimInvoicesController {

    static final String INJECTED_SESSION = "sim-injected";

    private final AcceptedInvoices accepted;
    private final Clock clock;

    public SimInvoicesController(AcceptedInvoices accepted, Clock clock) {
        this.accepted = accepted;
        this.clock = clock;
    }

    record ReceivedResponse(String ksefNumber, Instant acquisitionDate, Instant permanentStorageDate) {
    }

    /** An XSD-valid FA(3) document, accepted as if its seller had sent it online (same duplicate rule). */
    @PostMapping(path = "/sim/v1/invoices/received", consumes = MediaType.APPLICATION_XML_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public ReceivedResponse receive(@RequestBody byte[] xml) {
        if (xml.length > InvoiceVerifier.MAX_SIZE || !Fa3Schema.get().validate(xml).isEmpty()) {
            throw new SimRequestInvalid("the body must be an FA(3) invoice of at most 1,000,000 bytes");
        }
        InvoiceFacts facts = InvoiceFacts.read(xml);
        Instant now = clock.instant();
        long document = accepted.store(xml);
        InvoiceDetails details = InvoiceDetails.read(xml);
        AcceptedInvoices.Claim claim = accepted.claim(facts.sellerNip(), facts.invoiceType(), facts.invoiceNumber(),
                now, number -> new AcceptedInvoice(number, facts.sellerNip(), facts.invoiceType(), facts.invoiceNumber(),
                        facts.issueDate(), Crypto.sha256Base64(xml), INJECTED_SESSION, now, now,
                        now.plus(AcceptedInvoice.PERMANENT_STORAGE_DELAY), "Online", details, document));
        if (claim instanceof AcceptedInvoices.Claim.Duplicate duplicate) {
            throw new SimRequestInvalid("duplicate of " + duplicate.original().ksefNumber());
        }
        AcceptedInvoice invoice = ((AcceptedInvoices.Claim.Accepted) claim).invoice();
        return new ReceivedResponse(invoice.ksefNumber(), invoice.acquisitionDate(), invoice.permanentStorageDate());
    }

    record AcceptedInvoiceView(String ksefNumber, String sellerNip, String invoiceNumber, String invoiceHash,
                               String sessionReferenceNumber) {
    }

    @GetMapping("/sim/v1/invoices")
    public List<AcceptedInvoiceView> list(@RequestParam(required = false) String sellerNip) {
        return accepted.bySeller(sellerNip).stream()
                .map(i -> new AcceptedInvoiceView(i.ksefNumber(), i.sellerNip(), i.invoiceNumber(), i.invoiceHash(),
                        i.sessionReferenceNumber()))
                .toList();
    }
}
