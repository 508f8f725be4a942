package dev.ksefplatform.commandapi.audit.api;

import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.math.BigDecimal;
import java.util.List;

/**
 * The audit listings' query parameters, defined once: their names (what {@link AuditListParameters} accepts and
 * forwards), the values it allows, and how the OpenAPI document describes them ({@link AuditListingDocs}).
 */
enum AuditFilter {
    TENANT_ID("tenantId", "only this tenant's rows"),
    FROM("from", "inclusive, ISO-8601 instant, e.g. 2026-11-23T08:00:00Z"),
    TO("to", "exclusive, ISO-8601 instant; after from"),
    OPERATION("operation", "e.g. ksef.session.invoice.send"),
    CONTEXT_NIP("contextNip", "the taxpayer (context) NIP, 10 digits"),
    INTEGRATION_ID("integrationId", "the integration account used"),
    STATUS_CLASS("statusClass", null),
    EVENT_TYPE("eventType", "e.g. KsefCallRecorded, InvoiceAccepted"),
    CURSOR("cursor", "nextCursor of the previous page"),
    LIMIT("limit", null);

    static final List<String> STATUS_CLASSES = List.of("1xx", "2xx", "3xx", "4xx", "5xx");
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    private final String parameter;
    private final String description;

    AuditFilter(String parameter, String description) {
        this.parameter = parameter;
        this.description = description;
    }

    /** The query parameter's name. */
    String parameter() {
        return parameter;
    }

    String description() {
        return description;
    }

    /** The values the document announces; null where it states none (free text, checked by length). */
    Schema<?> schema() {
        return switch (this) {
            case STATUS_CLASS -> new StringSchema()._enum(STATUS_CLASSES);
            case LIMIT -> new IntegerSchema().format(null).minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(MAX_LIMIT))
                    ._default(DEFAULT_LIMIT);
            default -> null;
        };
    }
}
