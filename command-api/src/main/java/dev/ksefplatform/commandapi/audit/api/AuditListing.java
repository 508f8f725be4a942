package dev.ksefplatform.commandapi.audit.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The two audit listings and the filters each takes: the operators' are the tenant's and a tenant. */
enum AuditListing {
    /** {@code GET /api/v1/audit}: the tenant comes from its API key, so it cannot name one. */
    TENANT(Arrays.stream(AuditFilter.values()).filter(filter -> filter != AuditFilter.TENANT_ID)
            .toArray(AuditFilter[]::new)),
    /** {@code GET /admin/v1/audit}: every tenant's rows, or one tenant's. */
    OPERATORS(AuditFilter.values());

    private final List<AuditFilter> filters;

    AuditListing(AuditFilter... filters) {
        this.filters = List.of(filters);
    }

    List<AuditFilter> filters() {
        return filters;
    }

    /** The query parameters the listing accepts, in the document's order. */
    List<String> parameters() {
        List<String> names = new ArrayList<>();
        filters.forEach(filter -> names.add(filter.parameter()));
        return names;
    }
}
