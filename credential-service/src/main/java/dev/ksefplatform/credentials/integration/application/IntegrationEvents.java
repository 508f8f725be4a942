package dev.ksefplatform.credentials.integration.application;

import dev.ksefplatform.credentials.integration.domain.IntegrationEvent;
import reactor.core.publisher.Mono;

/** Publishes the vault's facts to the event log. */
public interface IntegrationEvents {

    Mono<Void> publish(IntegrationEvent event);
}
