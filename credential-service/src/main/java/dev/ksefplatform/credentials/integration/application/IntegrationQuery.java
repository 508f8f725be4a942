package dev.ksefplatform.credentials.integration.application;

import dev.ksefplatform.credentials.integration.domain.IntegrationKind;
import dev.ksefplatform.credentials.integration.domain.IntegrationStatus;

/** A page of integrations, optionally for one tenant, status, kind and/or KSeF environment (null: any). */
public record IntegrationQuery(String tenantId, IntegrationStatus status, IntegrationKind kind, String environment,
                               int page, int size) {

    public static final int MAX_SIZE = 500;

    public IntegrationQuery {
        page = Math.max(page, 0);
        size = size <= 0 ? 50 : Math.min(size, MAX_SIZE);
    }

    public IntegrationQuery(String tenantId, IntegrationStatus status, int page, int size) {
        this(tenantId, status, null, null, page, size);
    }
}
