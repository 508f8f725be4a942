package dev.ksefplatform.commandapi.integration.api;

import dev.ksefplatform.commandapi.integration.domain.InvalidIntegration;
import reactor.core.publisher.Mono;

/**
 * Request bodies that carry secrets: any failure to read one becomes one fixed message, so neither a parser's
 * message (which may quote the input) nor a missing body ever reaches the answer or the log.
 */
public final class SafeBodies {

    private SafeBodies() {
    }

    public static <T> Mono<T> read(Mono<T> body) {
        return body.onErrorMap(e -> !(e instanceof InvalidIntegration),
                        e -> new InvalidIntegration("the body must be a JSON object as documented"))
                .switchIfEmpty(Mono.error(() -> new InvalidIntegration("a JSON body is required")));
    }
}
