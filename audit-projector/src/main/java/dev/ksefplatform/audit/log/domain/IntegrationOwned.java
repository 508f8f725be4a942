package dev.ksefplatform.audit.log.domain;

/** An integration event: the integration account it names belongs to the event's tenant. */
public record IntegrationOwned(String integrationId) implements EventDetail {
}
