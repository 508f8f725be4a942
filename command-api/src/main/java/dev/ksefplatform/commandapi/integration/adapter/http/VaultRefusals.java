package dev.ksefplatform.commandapi.integration.adapter.http;

import dev.ksefplatform.commandapi.integration.application.IntegrationNotFound;
import dev.ksefplatform.commandapi.integration.application.IntegrationRefused;
import java.util.Map;
import java.util.Set;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Mono;

/**
 * The vault's refusals the tenant may see: 400, 409, and the 503s about KSeF (unavailable, rate budget). 401/403
 * mean the gateway's own service token is wrong: that is an outage here, never the tenant's problem.
 */
final class VaultRefusals {

    private static final String TYPE_BASE = "https://ksef-platform.dev/problems/";
    private static final Set<String> KSEF_BUSY = Set.of("ksef-unavailable", "ksef-rate-budget");
    private static final ParameterizedTypeReference<Map<String, Object>> PROBLEM = new ParameterizedTypeReference<>() {
    };

    private VaultRefusals() {
    }

    static <T> Mono<T> of(ClientResponse response, String integrationId) {
        int status = response.statusCode().value();
        if (status == 404 && integrationId != null) {
            return response.releaseBody().then(Mono.error(new IntegrationNotFound(integrationId)));
        }
        return response.bodyToMono(PROBLEM).defaultIfEmpty(Map.of())
                .flatMap(problem -> Mono.error(refusal(status, problem)));
    }

    private static RuntimeException refusal(int status, Map<String, Object> problem) {
        String slug = String.valueOf(problem.get("type")).replace(TYPE_BASE, "");
        boolean tenants = status == 400 || status == 409 || (status == 503 && KSEF_BUSY.contains(slug));
        if (!tenants) {
            return new IllegalStateException("credential-service answered " + status + " " + slug);
        }
        return new IntegrationRefused(status, slug, String.valueOf(problem.get("title")),
                String.valueOf(problem.get("detail")));
    }
}
