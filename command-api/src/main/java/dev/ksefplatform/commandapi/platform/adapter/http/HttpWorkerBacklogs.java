package dev.ksefplatform.commandapi.platform.adapter.http;

import dev.ksefplatform.commandapi.platform.application.WorkerBacklogs;
import dev.ksefplatform.commandapi.web.ReadModelUnavailable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** {@link WorkerBacklogs} over tenant-worker's {@code GET /internal/v1/backlog} (any instance answers). */
public final class HttpWorkerBacklogs implements WorkerBacklogs {

    private static final ParameterizedTypeReference<Map<String, List<Map<String, Object>>>> PAGE =
            new ParameterizedTypeReference<>() {
            };

    private final WebClient worker;
    private final Duration timeout;

    public HttpWorkerBacklogs(WebClient worker, Duration timeout) {
        this.worker = worker;
        this.timeout = timeout;
    }

    @Override
    public Mono<List<Map<String, Object>>> largest(int limit) {
        return worker.get().uri("/internal/v1/backlog?limit={limit}", limit).retrieve().bodyToMono(PAGE)
                .map(page -> page.getOrDefault("items", List.of())).timeout(timeout)
                .onErrorMap(e -> new ReadModelUnavailable("backlog", e));
    }
}
