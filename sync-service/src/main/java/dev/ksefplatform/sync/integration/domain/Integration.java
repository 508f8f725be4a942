package dev.ksefplatform.sync.integration.domain;

import java.time.Instant;
import java.util.List;

/**
 * An integration account as credential-service's events describe it. {@code activeSince} is when it last
 * became ACTIVE (null while it is not).
 */
public record Integration(String integrationId, String tenantId, String environment, String taxpayerNip,
                          String status, List<String> scopes, Instant activeSince, String lastEventId,
                          Instant updatedAt) {

    public static final String ACTIVE = "ACTIVE";
    public static final String REVOKED = "REVOKED";
    public static final String INVOICE_READ = "InvoiceRead";

    public Integration {
        scopes = List.copyOf(scopes);
    }

    /** Whether the platform may read this context's inbox: ACTIVE, with InvoiceRead granted. */
    public boolean readsInbox() {
        return ACTIVE.equals(status) && scopes.contains(INVOICE_READ);
    }
}
