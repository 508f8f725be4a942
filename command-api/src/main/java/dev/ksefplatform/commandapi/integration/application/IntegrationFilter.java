package dev.ksefplatform.commandapi.integration.application;

/** An operator's filter over every tenant's integrations, checked by the API; null: any. */
public record IntegrationFilter(String tenantId, String status, String kind, String environment, int page, int size) {
}
