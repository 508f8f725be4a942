package dev.ksefplatform.simulator.invoice;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Simulator-only: what reached KSeF, so tests can prove that no invoice arrived twice. */
@RestController
public class SimInvoicesController {

    private final AcceptedInvoices accepted;

    public SimInvoicesController(AcceptedInvoices accepted) {
        this.accepted = accepted;
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
