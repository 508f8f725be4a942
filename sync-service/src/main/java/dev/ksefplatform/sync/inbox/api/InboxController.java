package dev.ksefplatform.sync.inbox.api;

import dev.ksefplatform.sync.inbox.application.InboxQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

@RestController
public class InboxController {

    private final InboxQueries queries;

    public InboxController(InboxQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/internal/v1/tenants/{tenantId}/inbox")
    public Flux<InboxEntryView> list(@PathVariable String tenantId,
                                     @RequestParam(defaultValue = "100") int limit) {
        return queries.latest(tenantId, limit).map(InboxEntryView::of);
    }
}
