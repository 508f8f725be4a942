package dev.ksefplatform.sync.webhook.application;

import dev.ksefplatform.sync.notification.domain.Notification;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Deliveries to send: written beside the notifications, claimed by one dispatcher at a time, their outcome kept. */
public interface DeliveryOutbox {

    /** One PENDING delivery per notification and webhook of its tenant registered before it; none twice. */
    Mono<Void> enqueue(List<Notification> notifications);

    /** Up to {@code limit} due deliveries, claimed for {@code claim} (other dispatchers skip them meanwhile). */
    Flux<DueDelivery> claimDue(int limit, Duration claim);

    Mono<Void> delivered(DueDelivery delivery, int httpStatus);

    /** A failed attempt: due again after {@code retryIn}, or FAILED for good when {@code retryIn} is null. */
    Mono<Void> failed(DueDelivery delivery, Integer httpStatus, String error, Duration retryIn);
}
