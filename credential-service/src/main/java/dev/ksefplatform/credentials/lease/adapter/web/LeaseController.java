package dev.ksefplatform.credentials.lease.adapter.web;

import dev.ksefplatform.credentials.web.CauseHeaders;
import dev.ksefplatform.credentials.lease.application.Lease;
import dev.ksefplatform.credentials.lease.application.LeaseService;
import dev.ksefplatform.credentials.lease.domain.LeaseRequest;
import dev.ksefplatform.credentials.integration.domain.InvalidRequest;
import dev.ksefplatform.credentials.security.CallerAuthenticationFilter;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code POST /internal/v1/leases} (caller {@code tenant-worker}). */
@RestController
public class LeaseController {

    private final LeaseService leases;

    public LeaseController(LeaseService leases) {
        this.leases = leases;
    }

    @PostMapping("/internal/v1/leases")
    public Mono<Lease> lease(@RequestBody LeaseBody body, ServerWebExchange exchange) {
        String caller = exchange.getAttribute(CallerAuthenticationFilter.CALLER_ATTRIBUTE);
        return Mono.fromCallable(() -> CauseHeaders.ofWorker(exchange.getRequest().getHeaders()))
                .flatMap(cause -> leases.lease(body.toRequest(caller), cause));
    }

    public record LeaseBody(String tenantId, String environment, String contextNip, String purpose) {

        LeaseRequest toRequest(String caller) {
            if (tenantId == null || environment == null || contextNip == null || purpose == null) {
                throw new InvalidRequest("tenantId, environment, contextNip and purpose are required");
            }
            return new LeaseRequest(caller, tenantId, environment, contextNip, purpose);
        }
    }
}
