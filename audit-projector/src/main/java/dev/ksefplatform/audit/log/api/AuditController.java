package dev.ksefplatform.audit.log.api;

import dev.ksefplatform.audit.log.application.AuditQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

@RestController
public class AuditController {

    private final AuditQueries queries;

    public AuditController(AuditQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/internal/v1/tenants/{tenantId}/audit")
    public Flux<AuditEntryView> list(@PathVariable String tenantId, @RequestParam(defaultValue = "100") int limit) {
        return queries.latest(tenantId, limit).map(AuditEntryView::of);
    }
}
