package dev.ksefplatform.sync.webhook;

import dev.ksefplatform.sync.webhook.application.WebhookDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.publisher.Mono;

/** Runs the dispatcher with a fixed pause after each round; a failed round is tried again the next time. */
class WebhookTicker {

    private static final Logger log = LoggerFactory.getLogger(WebhookTicker.class);

    private final WebhookDispatcher dispatcher;

    WebhookTicker(WebhookDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(initialDelayString = "${sync.webhooks.interval:1s}", fixedDelayString = "${sync.webhooks.interval:1s}")
    Mono<Void> dispatch() {
        return dispatcher.dispatchDue()
                .doOnNext(sent -> log.debug("webhook round attempted={}", sent))
                .doOnError(e -> log.warn("webhook round failed, retrying next round cause={}", e.toString()))
                .onErrorComplete().then();
    }
}
