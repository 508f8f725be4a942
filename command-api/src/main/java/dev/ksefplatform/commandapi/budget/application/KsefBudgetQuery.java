package dev.ksefplatform.commandapi.budget.application;

import dev.ksefplatform.commandapi.tenant.domain.Tenant;
import java.util.Map;
import reactor.core.publisher.Mono;

/** The calling tenant's own KSeF budget: its NIP from the tenant registry, never from the request. */
public final class KsefBudgetQuery {

    private final KsefBudgets budgets;
    private final String environment;

    public KsefBudgetQuery(KsefBudgets budgets, String environment) {
        this.budgets = budgets;
        this.environment = environment;
    }

    public Mono<Map<String, Object>> budget(Tenant tenant) {
        return budgets.of(environment, tenant.nip()).switchIfEmpty(Mono.error(KsefBudgetNotSeen::new));
    }
}
