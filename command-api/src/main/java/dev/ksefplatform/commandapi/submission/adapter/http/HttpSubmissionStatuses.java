package dev.ksefplatform.commandapi.submission.adapter.http;

import dev.ksefplatform.commandapi.submission.application.SubmissionStatuses;
import dev.ksefplatform.commandapi.submission.domain.SubmissionStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * {@link SubmissionStatuses} from sync-service's internal API, over the shared pool of {@link SyncServiceClient}.
 * The body is passed through whole, so statuses and fields sync-service adds reach tenants without a change here.
 */
public final class HttpSubmissionStatuses implements SubmissionStatuses {

    private static final ParameterizedTypeReference<LinkedHashMap<String, Object>> BODY = new ParameterizedTypeReference<>() {
    };

    private final WebClient syncService;
    private final Duration timeout;

    public HttpSubmissionStatuses(WebClient syncService, Duration timeout) {
        this.syncService = syncService;
        this.timeout = timeout;
    }

    public static HttpSubmissionStatuses create(WebClient.Builder web, String baseUrl, String token, Duration timeout,
                                                Duration maxIdle) {
        return new HttpSubmissionStatuses(SyncServiceClient.create(web, baseUrl, token, timeout, maxIdle), timeout);
    }

    @Override
    public Mono<SubmissionStatus> find(String tenantId, String commandId) {
        return syncService.get()
                .uri("/internal/v1/tenants/{tenantId}/submissions/{commandId}", tenantId, commandId)
                .exchangeToMono(response -> response.statusCode().value() == HttpStatus.NOT_FOUND.value()
                        ? response.releaseBody().then(Mono.<LinkedHashMap<String, Object>>empty())
                        : response.statusCode().is2xxSuccessful()
                                ? response.bodyToMono(BODY)
                                : response.createError())
                .timeout(timeout)
                .map(body -> status(commandId, body));
    }

    private static SubmissionStatus status(String commandId, LinkedHashMap<String, Object> body) {
        if (!commandId.equals(body.get("commandId")) || !(body.get("status") instanceof String status)) {
            throw new IllegalStateException("sync-service answered for command " + body.get("commandId")
                    + " with status " + body.get("status") + " when asked for " + commandId);
        }
        return new SubmissionStatus(commandId, status, body);
    }
}
