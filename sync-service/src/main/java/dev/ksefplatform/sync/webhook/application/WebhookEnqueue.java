package dev.ksefplatform.sync.webhook.application;

import dev.ksefplatform.support.projection.application.ReadModelUpdate;
import dev.ksefplatform.sync.notification.domain.Notification;
import dev.ksefplatform.sync.notification.domain.NotificationFold;
import dev.ksefplatform.sync.projection.domain.SyncEvent;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * In the projection's batch transaction: a delivery per notification for each of its tenant's webhooks (an outbox),
 * so nothing folded is lost and sending never holds up the fold.
 */
public final class WebhookEnqueue implements ReadModelUpdate<SyncEvent> {

    private final DeliveryOutbox outbox;

    public WebhookEnqueue(DeliveryOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Mono<Void> apply(List<SyncEvent> events) {
        List<Notification> told = events.stream().map(NotificationFold::of).flatMap(Optional::stream).toList();
        return told.isEmpty() ? Mono.empty() : outbox.enqueue(told);
    }
}
