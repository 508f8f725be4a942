package dev.ksefplatform.sync.webhook.application;

import dev.ksefplatform.support.logging.LogIds;
import dev.ksefplatform.sync.webhook.domain.RetryPolicy;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Sends due deliveries, a few at a time, each with its own timeout; a 2xx is DELIVERED, anything else is retried with
 * back-off until the policy gives up (FAILED). Runs apart from the projection: a slow endpoint delays only its own
 * deliveries. The signing secret is opened for the attempt only; one that does not open fails that delivery alone.
 */
public final class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int MAX_ERROR = 300;

    private final DeliveryOutbox outbox;
    private final SigningSecrets secrets;
    private final WebhookSender sender;
    private final RetryPolicy retries;
    private final int batch;
    private final int concurrency;

    public WebhookDispatcher(DeliveryOutbox outbox, SigningSecrets secrets, WebhookSender sender, RetryPolicy retries,
                             int batch, int concurrency) {
        this.outbox = outbox;
        this.secrets = secrets;
        this.sender = sender;
        this.retries = retries;
        this.batch = batch;
        this.concurrency = concurrency;
    }

    /** One round; the number of deliveries attempted. */
    public Mono<Long> dispatchDue() {
        return outbox.claimDue(batch, Duration.ofMinutes(2))
                .flatMap(this::attempt, concurrency)
                .count();
    }

    private Mono<Void> attempt(DueDelivery delivery) {
        return Mono.fromCallable(() -> secrets.open(delivery.webhookId(), delivery.notification().tenantId(),
                        delivery.secret()))
                .flatMap(secret -> sender.send(delivery.url(), secret, delivery.notification()))
                .flatMap(status -> status / 100 == 2 ? outbox.delivered(delivery, status)
                        : failed(delivery, status, "HTTP " + status))
                .onErrorResume(e -> failed(delivery, null, String.valueOf(e)));
    }

    private Mono<Void> failed(DueDelivery delivery, Integer status, String error) {
        int attempts = delivery.attempts() + 1;
        Duration retryIn = retries.givesUpAfter(attempts) ? null : retries.pauseAfter(attempts);
        LogIds.log(delivery.notification().tenantId(), delivery.notification().eventId(), null, null, () -> log.info(
                "webhook delivery failed webhookId={} eventId={} attempts={} status={} retryIn={}",
                delivery.webhookId(), delivery.notification().eventId(), attempts, status, retryIn));
        String shortError = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        return outbox.failed(delivery, status, shortError, retryIn);
    }
}
