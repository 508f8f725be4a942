package dev.ksefplatform.commandapi.tenant.api;

import dev.ksefplatform.commandapi.security.BearerCallers;
import dev.ksefplatform.commandapi.tenant.application.Tenants;
import dev.ksefplatform.commandapi.tenant.domain.Tenant;
import dev.ksefplatform.commandapi.web.InvalidQueryParameter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Every tenant, for operators: the admin, and the console's operator screens. Never an API key or its hash. */
@RestController
class AdminTenantListController {

    private static final Set<String> CALLERS = Set.of(AdminTenantController.ADMIN, "console");
    private static final int MAX_QUERY = 100;

    private final BearerCallers callers;
    private final Tenants tenants;

    AdminTenantListController(BearerCallers callers, Tenants tenants) {
        this.callers = callers;
        this.tenants = tenants;
    }

    @GetMapping("/admin/v1/tenants")
    Mono<Map<String, List<TenantSummary>>> list(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                                @RequestParam(required = false) String q,
                                                @RequestParam(defaultValue = "100") int limit) {
        callers.requireAny(authorization, CALLERS);
        if (limit < 1 || limit > 500) {
            throw new InvalidQueryParameter("limit", "limit must be 1..500");
        }
        if (q != null && (q.isBlank() || q.length() > MAX_QUERY)) {
            throw new InvalidQueryParameter("q", "q must be 1.." + MAX_QUERY + " characters");
        }
        return tenants.list(q == null ? null : q.strip(), limit).map(TenantSummary::of).collectList()
                .map(items -> Map.of("items", items));
    }

    record TenantSummary(String tenantId, String name, String nip, String status, Instant createdAt) {

        static TenantSummary of(Tenant tenant) {
            return new TenantSummary(tenant.id(), tenant.name(), tenant.nip(), tenant.status().name(), tenant.createdAt());
        }
    }
}
