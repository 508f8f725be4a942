package dev.ksefplatform.worker.engine.application;

import dev.ksefplatform.worker.engine.domain.LaneKey;
import java.time.Duration;

/** Leases of KSeF access tokens from credential-service. */
public interface TenantCredentials {

    String INVOICE_WRITE = "InvoiceWrite";
    String INVOICE_READ = "InvoiceRead";

    /**
     * @throws LeaseDenied             when the vault refuses (never retried as such: the lane is held)
     * @throws KsefFailure.Unavailable when credential-service (or KSeF behind it) cannot answer now
     */
    Lease lease(LaneKey lane, String purpose);

    /** The vault refused the lease; {@code violation} when the tenant asked for a context it does not own. */
    final class LeaseDenied extends RuntimeException {
        private final boolean violation;

        public LeaseDenied(String reason, boolean violation) {
            super(reason);
            this.violation = violation;
        }

        public boolean violation() {
            return violation;
        }
    }

    /** How long a lease is trusted before its expiry. */
    Duration EXPIRY_MARGIN = Duration.ofMinutes(1);
}
