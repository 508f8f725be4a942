package dev.ksefplatform.sync.notification.application;

import dev.ksefplatform.sync.notification.domain.Notification;
import java.util.Collection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The notification feed's rows. */
public interface Notifications {

    /** Adds the notifications not yet stored (by event id); one already there is left as it is. */
    Mono<Void> addAll(Collection<Notification> notifications);

    /** Up to {@code limit} of the tenant's, newest first, after {@code after} (null: from the newest). */
    Flux<Notification> page(String tenantId, NotificationCursor after, int limit);
}
