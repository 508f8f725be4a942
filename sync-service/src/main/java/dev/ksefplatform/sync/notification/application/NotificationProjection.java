package dev.ksefplatform.sync.notification.application;

import dev.ksefplatform.support.projection.application.ReadModelUpdate;
import dev.ksefplatform.sync.notification.domain.Notification;
import dev.ksefplatform.sync.notification.domain.NotificationFold;
import dev.ksefplatform.sync.projection.domain.SyncEvent;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** Folds a batch's events into the tenants' notification feeds, in the batch's transaction. */
public final class NotificationProjection implements ReadModelUpdate<SyncEvent> {

    private final Notifications notifications;

    public NotificationProjection(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public Mono<Void> apply(List<SyncEvent> events) {
        List<Notification> told = events.stream().map(NotificationFold::of).flatMap(Optional::stream).toList();
        return told.isEmpty() ? Mono.empty() : notifications.addAll(told);
    }
}
