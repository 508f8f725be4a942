package dev.ksefplatform.commandapi.submission.adapter.http;

import dev.ksefplatform.commandapi.submission.application.SubmissionStatuses;
import dev.ksefplatform.commandapi.submission.domain.SubmissionState;
import dev.ksefplatform.commandapi.submission.domain.SubmissionStatus;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** {@link SubmissionStatuses} from sync-service's internal API. */
public final class HttpSubmissionStatuses implements SubmissionStatuses {

    private final WebClient syncService;
    private final Duration timeout;

    /** @param syncService base URL and bearer token already set */
    public HttpSubmissionStatuses(WebClient syncService, Duration timeout) {
        this.syncService = syncService;
        this.timeout = timeout;
    }

    @Override
    public Mono<SubmissionStatus> find(String tenantId, String commandId) {
        return syncService.get()
                .uri("/internal/v1/tenants/{tenantId}/submissions/{commandId}", tenantId, commandId)
                .exchangeToMono(response -> response.statusCode().value() == HttpStatus.NOT_FOUND.value()
                        ? response.releaseBody().then(Mono.<SyncSubmission>empty())
                        : response.statusCode().is2xxSuccessful()
                                ? response.bodyToMono(SyncSubmission.class)
                                : response.createError())
                .timeout(timeout)
                .map(SyncSubmission::toStatus);
    }

    /** sync-service's body (CONTRACTS.md §4), which is also ours. */
    record SyncSubmission(String commandId, SubmissionState status, String ksefNumber, Integer ksefStatusCode,
                          String invoiceNumber, String description, String sessionReferenceNumber,
                          String invoiceReferenceNumber, Instant updatedAt) {

        SubmissionStatus toStatus() {
            return new SubmissionStatus(commandId, status, ksefNumber, ksefStatusCode, invoiceNumber, description,
                    sessionReferenceNumber, invoiceReferenceNumber, updatedAt);
        }
    }
}
