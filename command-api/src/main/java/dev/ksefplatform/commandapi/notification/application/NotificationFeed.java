package dev.ksefplatform.commandapi.notification.application;

import java.util.Map;
import reactor.core.publisher.Mono;

/** The tenant's notification feed in the read model; the tenant is the authenticated one, never a parameter. */
public interface NotificationFeed {

    /** One page ({@code items}, {@code nextCursor}) for the checked, re-written {@code query} (limit, cursor). */
    Mono<Map<String, Object>> page(String tenantId, Map<String, String> query);
}
