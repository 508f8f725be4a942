package dev.ksefplatform.credentials.integration.application;

import dev.ksefplatform.credentials.integration.domain.IntegrationStatus;

/** A page of integrations, optionally for one tenant and/or status. */
public record IntegrationQuery(String tenantId, IntegrationStatus status, int page, int size) {

    public IntegrationQuery {
        page = Math.max(page, 0);
        size = size <= 0 ? 50 : Math.min(size, 500);
    }
}
