package dev.ksefplatform.simulator.session;

import dev.ksefplatform.simulator.auth.BearerTokens;
import dev.ksefplatform.simulator.error.KsefException;
import dev.ksefplatform.simulator.upo.UpoStorage;
import dev.ksefplatform.simulator.upo.UpoStorageController;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The three authenticated UPO downloads; 21178 when there is no such UPO (yet). */
@RestController
@RequestMapping("/v2/sessions/{referenceNumber}")
public class SessionUpoController {

    private static final String[] READ = {"InvoiceWrite", "Introspection", "PefInvoiceWrite", "EnforcementOperations"};
    private static final String NOT_FOUND = "Nie znaleziono UPO dla podanych kryteriów.";

    private final OnlineSessions sessions;
    private final UpoStorage storage;
    private final BearerTokens bearer;

    SessionUpoController(OnlineSessions sessions, UpoStorage storage, BearerTokens bearer) {
        this.sessions = sessions;
        this.storage = storage;
        this.bearer = bearer;
    }

    @GetMapping("/invoices/{invoiceReferenceNumber}/upo")
    public ResponseEntity<byte[]> byInvoice(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                            @PathVariable String referenceNumber,
                                            @PathVariable String invoiceReferenceNumber) {
        OnlineSession session = sessions.find(bearer.caller(auth, READ), referenceNumber);
        Optional<byte[]> upo = session.invoice(invoiceReferenceNumber)
                .map(invoice -> invoice.state().accepted())
                .flatMap(accepted -> storage.get(InvoiceProcessor.invoiceUpoName(referenceNumber, accepted.ksefNumber())));
        return UpoStorageController.xml(upo.orElseThrow(() -> new KsefException(21178, NOT_FOUND,
                "UPO faktury " + invoiceReferenceNumber + " dla sesji " + referenceNumber + " nie zostało znalezione.")));
    }

    @GetMapping("/invoices/ksef/{ksefNumber}/upo")
    public ResponseEntity<byte[]> byKsefNumber(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                               @PathVariable String referenceNumber, @PathVariable String ksefNumber) {
        sessions.find(bearer.caller(auth, READ), referenceNumber);
        return UpoStorageController.xml(storage.get(InvoiceProcessor.invoiceUpoName(referenceNumber, ksefNumber))
                .orElseThrow(() -> new KsefException(21178, NOT_FOUND, "UPO o numerze KSeF " + ksefNumber
                        + " i numerze referencyjnym sesji " + referenceNumber + " nie zostało znalezione.")));
    }

    @GetMapping("/upo/{upoReferenceNumber}")
    public ResponseEntity<byte[]> sessionUpo(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                             @PathVariable String referenceNumber,
                                             @PathVariable String upoReferenceNumber) {
        sessions.find(bearer.caller(auth, READ), referenceNumber);
        return UpoStorageController.xml(storage.get(SessionViews.sessionUpoName(referenceNumber, upoReferenceNumber))
                .orElseThrow(() -> new KsefException(21178, NOT_FOUND, "UPO o numerze referencyjnym "
                        + upoReferenceNumber + " dla sesji " + referenceNumber + " nie zostało znalezione.")));
    }
}
