package dev.ksefplatform.sync.webhook.application;

import dev.ksefplatform.sync.notification.domain.Notification;
import dev.ksefplatform.sync.webhook.domain.SealedSecret;

/** A claimed delivery: where to, signed with what (sealed), which notification, and how many attempts it has had. */
public record DueDelivery(String webhookId, String url, SealedSecret secret, int attempts, Notification notification) {

    @Override
    public String toString() {
        return "DueDelivery[webhookId=" + webhookId + ", eventId=" + notification.eventId() + ", attempts=" + attempts + "]";
    }
}
