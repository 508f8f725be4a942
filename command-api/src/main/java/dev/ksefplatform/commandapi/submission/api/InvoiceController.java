package dev.ksefplatform.commandapi.submission.api;

import dev.ksefplatform.commandapi.submission.application.InvoiceStatusQuery;
import dev.ksefplatform.commandapi.submission.application.InvoiceSubmissions;
import dev.ksefplatform.commandapi.tenant.application.TenantAuthentication;
import dev.ksefplatform.commandapi.submission.domain.SubmissionStatus;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class InvoiceController {

    static final String API_KEY = "X-API-Key";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final TenantAuthentication authentication;
    private final InvoiceBodyReader bodies;
    private final InvoiceSubmissions submissions;
    private final InvoiceStatusQuery statuses;

    InvoiceController(TenantAuthentication authentication, InvoiceBodyReader bodies, InvoiceSubmissions submissions,
                      InvoiceStatusQuery statuses) {
        this.authentication = authentication;
        this.bodies = bodies;
        this.submissions = submissions;
        this.statuses = statuses;
    }

    /** Takes the raw request so nothing is read before the tenant is known. */
    @PostMapping("/api/v1/invoices")
    Mono<ResponseEntity<CommandAccepted>> submit(@RequestHeader(name = API_KEY, required = false) String apiKey,
                                                 @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                                 ServerHttpRequest request) {
        return authentication.authenticate(apiKey)
                .flatMap(tenant -> bodies.read(request).flatMap(xml -> submissions.submit(tenant, xml, idempotencyKey)))
                .map(commandId -> ResponseEntity.accepted()
                        .location(URI.create("/api/v1/invoices/" + commandId))
                        .body(new CommandAccepted(commandId, "PENDING")));
    }

    /** The read model's body as it is (CONTRACTS.md), or the gateway's own {@code {"commandId","status":"PENDING"}}. */
    @GetMapping("/api/v1/invoices/{commandId}")
    Mono<Map<String, Object>> status(@RequestHeader(name = API_KEY, required = false) String apiKey,
                                     @PathVariable String commandId) {
        return authentication.authenticate(apiKey).flatMap(tenant -> statuses.status(tenant, commandId))
                .map(SubmissionStatus::body);
    }

    record CommandAccepted(String commandId, String status) {
    }
}
