package dev.ksefplatform.sync.webhook.application;

import dev.ksefplatform.sync.notification.domain.Notification;
import reactor.core.publisher.Mono;

/** Sends one signed notification; the answer's HTTP status, or an error when none came. */
public interface WebhookSender {

    Mono<Integer> send(String url, String secret, Notification notification);
}
