package dev.ksefplatform.worker.verify.application;

import dev.ksefplatform.worker.verify.domain.IntegrationStatus;

/** credential-service's re-check of one integration (it logs in to KSeF and reads the context's permissions). */
public interface IntegrationChecks {

    /**
     * @throws UnknownIntegration when the tenant has no such integration
     * @throws dev.ksefplatform.worker.engine.application.KsefFailure.Unavailable when it cannot answer now
     */
    IntegrationStatus verify(String tenantId, String integrationId);

    /** No integration of that id belongs to the tenant: the command is refused, never retried. */
    final class UnknownIntegration extends RuntimeException {
        public UnknownIntegration(String reason) {
            super(reason);
        }
    }
}
