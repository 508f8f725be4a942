package dev.ksefplatform.commandapi.budget.api;

import dev.ksefplatform.commandapi.budget.application.KsefBudgetQuery;
import dev.ksefplatform.commandapi.tenant.application.TenantAuthentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The KSeF budget left of the calling tenant's own context (its NIP from the registry, never from the request). */
@RestController
class KsefBudgetController {

    static final String API_KEY = "X-API-Key";

    private final TenantAuthentication authentication;
    private final KsefBudgetQuery budgets;

    KsefBudgetController(TenantAuthentication authentication, KsefBudgetQuery budgets) {
        this.authentication = authentication;
        this.budgets = budgets;
    }

    @GetMapping("/api/v1/ksef-budget")
    @Operation(summary = "Calls KSeF still allows your context per limit group and sliding window, and until when a "
            + "429 blocks it; 404 ksef-budget-not-seen before the platform's first KSeF call for your context")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BudgetDocs.Budget.class)))
    Mono<Map<String, Object>> budget(@RequestHeader(name = API_KEY, required = false) String apiKey) {
        return authentication.authenticate(apiKey).flatMap(budgets::budget);
    }
}
