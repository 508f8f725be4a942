package dev.ksefplatform.commandapi.submission.adapter.http;

import dev.ksefplatform.commandapi.submission.application.SubmissionDocument;
import dev.ksefplatform.commandapi.submission.application.SubmissionDocuments;
import dev.ksefplatform.commandapi.web.ReadModelUnavailable;
import java.time.Duration;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * {@link SubmissionDocuments} from sync-service's internal API, bound to the tenant in the path. A 404 (whatever its
 * type: no such document yet, or the command not folded yet) is empty; a failure or a slow answer is
 * {@link ReadModelUnavailable}.
 */
public final class HttpSubmissionDocuments implements SubmissionDocuments {

    private final WebClient syncService;
    private final Duration timeout;

    public HttpSubmissionDocuments(WebClient syncService, Duration timeout) {
        this.syncService = syncService;
        this.timeout = timeout;
    }

    @Override
    public Mono<SubmissionDocument> find(String tenantId, String commandId, SubmissionDocument.Kind kind) {
        return syncService.get().uri("/internal/v1/tenants/{tenantId}/submissions/{commandId}/" + kind.path(), tenantId,
                        commandId)
                .exchangeToMono(response -> switch (response.statusCode().value()) {
                    case 200 -> response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).map(xml ->
                            new SubmissionDocument(xml, response.headers().asHttpHeaders().getFirst("Repr-Digest")));
                    case 404 -> response.releaseBody().then(Mono.<SubmissionDocument>empty());
                    default -> response.createError();
                })
                .timeout(timeout)
                .onErrorMap(e -> new ReadModelUnavailable("the submission's " + kind.path(), e));
    }
}
