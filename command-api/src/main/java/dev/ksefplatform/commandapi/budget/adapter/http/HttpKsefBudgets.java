package dev.ksefplatform.commandapi.budget.adapter.http;

import dev.ksefplatform.commandapi.budget.application.KsefBudgets;
import dev.ksefplatform.commandapi.web.ReadModelUnavailable;
import java.time.Duration;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** {@link KsefBudgets} over tenant-worker's {@code GET /internal/v1/contexts/{environment}/{nip}/budget}. */
public final class HttpKsefBudgets implements KsefBudgets {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };

    private final WebClient worker;
    private final Duration timeout;

    public HttpKsefBudgets(WebClient worker, Duration timeout) {
        this.worker = worker;
        this.timeout = timeout;
    }

    @Override
    public Mono<Map<String, Object>> of(String environment, String nip) {
        return worker.get().uri("/internal/v1/contexts/{environment}/{nip}/budget", environment, nip)
                .exchangeToMono(response -> switch (response.statusCode().value()) {
                    case 200 -> response.bodyToMono(OBJECT);
                    case 404 -> response.releaseBody().then(Mono.empty());
                    default -> response.createError();
                }).timeout(timeout).onErrorMap(e -> new ReadModelUnavailable("KSeF budget", e));
    }
}
