package dev.ksefplatform.simulator.session;

import dev.ksefplatform.simulator.auth.BearerTokens;
import dev.ksefplatform.simulator.auth.Caller;
import dev.ksefplatform.simulator.error.KsefException;
import dev.ksefplatform.simulator.session.SessionRequests.OpenOnlineSessionRequest;
import dev.ksefplatform.simulator.session.SessionRequests.SendInvoiceRequest;
import dev.ksefplatform.simulator.session.SessionViews.SessionInvoiceStatusResponse;
import dev.ksefplatform.simulator.session.SessionViews.SessionStatusResponse;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

/** Online sessions: open, send, close, and the session and invoice statuses. */
@RestController
@RequestMapping("/v2/sessions")
public class SessionController {

    private static final String[] WRITE = {"InvoiceWrite", "PefInvoiceWrite", "EnforcementOperations"};
    private static final String[] READ = {"InvoiceWrite", "Introspection", "PefInvoiceWrite", "EnforcementOperations"};

    private final OnlineSessions sessions;
    private final SessionViews views;
    private final BearerTokens bearer;

    SessionController(OnlineSessions sessions, SessionViews views, BearerTokens bearer) {
        this.sessions = sessions;
        this.views = views;
        this.bearer = bearer;
    }

    record OpenOnlineSessionResponse(String referenceNumber, Instant validUntil) {
    }

    record SendInvoiceResponse(String referenceNumber) {
    }

    @PostMapping("/online")
    @ResponseStatus(HttpStatus.CREATED)
    public OpenOnlineSessionResponse open(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                          @RequestBody OpenOnlineSessionRequest request) {
        OnlineSession session = sessions.open(bearer.caller(auth, WRITE), request);
        return new OpenOnlineSessionResponse(session.referenceNumber(), session.validUntil());
    }

    @PostMapping("/online/{referenceNumber}/invoices")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public SendInvoiceResponse send(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                    @PathVariable String referenceNumber, @RequestBody SendInvoiceRequest request) {
        return new SendInvoiceResponse(sessions.send(bearer.caller(auth, WRITE), referenceNumber, request));
    }

    @PostMapping("/online/{referenceNumber}/close")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void close(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                      @PathVariable String referenceNumber) {
        sessions.close(bearer.caller(auth, WRITE), referenceNumber);
    }

    @GetMapping("/{referenceNumber}")
    public SessionStatusResponse session(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                         @PathVariable String referenceNumber, ServerWebExchange exchange) {
        Caller caller = bearer.caller(auth, READ);
        return views.session(sessions.find(caller, referenceNumber), baseUrl(exchange));
    }

    @GetMapping("/{referenceNumber}/invoices/{invoiceReferenceNumber}")
    public SessionInvoiceStatusResponse invoice(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
            @PathVariable String referenceNumber, @PathVariable String invoiceReferenceNumber,
            ServerWebExchange exchange) {
        OnlineSession session = sessions.find(bearer.caller(auth, READ), referenceNumber);
        SessionInvoice invoice = session.invoice(invoiceReferenceNumber).orElseThrow(() -> KsefException.validation(
                "Faktura o numerze referencyjnym " + invoiceReferenceNumber + " nie została znaleziona."));
        return views.invoice(session, invoice, baseUrl(exchange));
    }

    @GetMapping("/{referenceNumber}/invoices")
    public SessionViews.SessionInvoicesResponse invoices(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
            @RequestHeader(name = "x-continuation-token", required = false) String continuationToken,
            @PathVariable String referenceNumber, @RequestParam(defaultValue = "10") int pageSize,
            ServerWebExchange exchange) {
        OnlineSession session = sessions.find(bearer.caller(auth, READ), referenceNumber);
        return views.page(session, invoice -> true, continuationToken, pageSize, baseUrl(exchange));
    }

    @GetMapping("/{referenceNumber}/invoices/failed")
    public SessionViews.SessionInvoicesResponse failedInvoices(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
            @RequestHeader(name = "x-continuation-token", required = false) String continuationToken,
            @PathVariable String referenceNumber, @RequestParam(defaultValue = "10") int pageSize,
            ServerWebExchange exchange) {
        OnlineSession session = sessions.find(bearer.caller(auth, READ), referenceNumber);
        return views.page(session, invoice -> invoice.state().status().done() && !invoice.state().succeeded(),
                continuationToken, pageSize, baseUrl(exchange));
    }

    static String baseUrl(ServerWebExchange exchange) {
        return UriComponentsBuilder.fromUri(exchange.getRequest().getURI()).replacePath(null).replaceQuery(null)
                .build().toUriString();
    }
}
