package dev.ksefplatform.commandapi.submission.application;

import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The submission read model as a list (sync-service's, CONTRACTS §4): a page {@code {items, nextCursor}} passed
 * through as the read model wrote it. {@code query} holds only parameters the gateway has checked.
 */
public interface SubmissionListing {

    Mono<Map<String, Object>> page(String tenantId, Map<String, String> query);
}
