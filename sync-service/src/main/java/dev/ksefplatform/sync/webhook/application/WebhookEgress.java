package dev.ksefplatform.sync.webhook.application;

import java.net.URI;
import reactor.core.publisher.Mono;

/** Whether the platform may send to a URL's host as it resolves now (the SSRF egress filter at registration). */
public interface WebhookEgress {

    /** Completes when it may; {@code EgressRefused} (an {@code InvalidWebhook}) when it may not. */
    Mono<Void> check(URI url);
}
