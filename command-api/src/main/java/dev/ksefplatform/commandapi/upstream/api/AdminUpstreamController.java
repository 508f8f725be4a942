package dev.ksefplatform.commandapi.upstream.api;

import dev.ksefplatform.commandapi.security.BearerCallers;
import dev.ksefplatform.commandapi.upstream.application.UpstreamAccess;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The admin grants an upstream system the tenants it may submit invoices for over its ingress topic. */
@RestController
class AdminUpstreamController {

    private static final String ADMIN = "admin";
    private static final String PATH = "/admin/v1/upstreams/{systemId}/tenants";

    private final BearerCallers callers;
    private final UpstreamAccess access;

    AdminUpstreamController(BearerCallers callers, UpstreamAccess access) {
        this.callers = callers;
        this.access = access;
    }

    @PutMapping(PATH + "/{tenantId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> grant(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                     @PathVariable String systemId, @PathVariable String tenantId) {
        callers.require(authorization, ADMIN);
        return access.grant(systemId, tenantId);
    }

    @DeleteMapping(PATH + "/{tenantId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> withdraw(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                        @PathVariable String systemId, @PathVariable String tenantId) {
        callers.require(authorization, ADMIN);
        return access.withdraw(systemId, tenantId);
    }

    @GetMapping(PATH)
    Mono<GrantsResponse> grants(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                @PathVariable String systemId) {
        callers.require(authorization, ADMIN);
        return access.grants(systemId).map(g -> new GrantResponse(g.tenantId(), g.grantedAt())).collectList()
                .map(GrantsResponse::new);
    }

    record GrantResponse(String tenantId, Instant grantedAt) {
    }

    record GrantsResponse(List<GrantResponse> items) {
    }
}
