package dev.ksefplatform.audit.log.api;

import dev.ksefplatform.audit.log.application.AuditQueries;
import dev.ksefplatform.audit.log.domain.AuditFilter;
import dev.ksefplatform.audit.log.domain.StatusClass;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
public class AuditController {

    private final AuditQueries queries;

    public AuditController(AuditQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/internal/v1/tenants/{tenantId}/audit")
    public Mono<AuditPageView> list(@PathVariable String tenantId,
                                    @RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to,
                                    @RequestParam(required = false) String operation,
                                    @RequestParam(required = false) String contextNip,
                                    @RequestParam(required = false) String integrationId,
                                    @RequestParam(required = false) String statusClass,
                                    @RequestParam(required = false) String eventType,
                                    @RequestParam(defaultValue = "100") int limit,
                                    @RequestParam(required = false) String cursor) {
        AuditFilter filter = filter(from, to, operation, contextNip, integrationId, statusClass, eventType);
        return queries.page(tenantId, filter, cursor, limit).map(AuditPageView::of);
    }

    /** The operators' view: every tenant, or the one {@code tenantId} names; read as role audit_auditor. */
    @GetMapping("/internal/v1/audit")
    public Mono<AuditPageView> acrossTenants(@RequestParam(required = false) String tenantId,
                                             @RequestParam(required = false) String from,
                                             @RequestParam(required = false) String to,
                                             @RequestParam(required = false) String operation,
                                             @RequestParam(required = false) String contextNip,
                                             @RequestParam(required = false) String integrationId,
                                             @RequestParam(required = false) String statusClass,
                                             @RequestParam(required = false) String eventType,
                                             @RequestParam(defaultValue = "100") int limit,
                                             @RequestParam(required = false) String cursor) {
        AuditFilter filter = filter(from, to, operation, contextNip, integrationId, statusClass, eventType);
        return queries.acrossTenants(tenant(tenantId), filter, cursor, limit).map(AuditPageView::of);
    }

    private static AuditFilter filter(String from, String to, String operation, String contextNip,
                                      String integrationId, String statusClass, String eventType) {
        return new AuditFilter(instant("from", from), instant("to", to), operation, contextNip, integrationId,
                statusClass == null ? null : StatusClass.parse(statusClass), eventType);
    }

    private static String tenant(String tenantId) {
        if (tenantId != null && (tenantId.isEmpty() || tenantId.length() > AuditFilter.MAX_TEXT)) {
            throw new IllegalArgumentException("tenantId must be 1 to " + AuditFilter.MAX_TEXT + " characters");
        }
        return tenantId;
    }

    /** Parsed here, not by Spring, so a malformed time is an {@code invalid-request} like every other bad filter. */
    private static Instant instant(String name, String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant, e.g. 2026-11-23T08:00:00Z", e);
        }
    }
}
