package dev.ksefplatform.sync.notification.api;

import dev.ksefplatform.sync.notification.application.NotificationQuery;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
public class NotificationController {

    private final NotificationQuery queries;

    public NotificationController(NotificationQuery queries) {
        this.queries = queries;
    }

    @GetMapping("/internal/v1/tenants/{tenantId}/notifications")
    public Mono<NotificationPageView> list(@PathVariable String tenantId,
                                           @RequestParam(defaultValue = "50") int limit,
                                           @RequestParam(required = false) String cursor) {
        return queries.page(tenantId, cursor, limit).map(NotificationPageView::of);
    }
}
