package dev.ksefplatform.worker.verify.application;

import dev.ksefplatform.schemas.logging.LogScope;
import dev.ksefplatform.worker.engine.application.KsefFailure;
import dev.ksefplatform.worker.engine.application.LogIds;
import dev.ksefplatform.worker.engine.application.RetrySchedule;
import dev.ksefplatform.worker.verify.domain.IntegrationStatus;
import dev.ksefplatform.worker.verify.domain.Verification;
import java.time.Clock;
import java.util.Collection;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the due verifications of the partitions this instance owns, one at a time. credential-service publishes the
 * outcome ({@code IntegrationVerified} or {@code IntegrationStatusChanged}); an integration that is not active refuses
 * leases, which holds its lanes until a later check passes. Unreachable is retried with back-off, never a failure.
 */
public final class Verifications {

    private static final Logger log = LoggerFactory.getLogger(Verifications.class);

    private final VerificationStore store;
    private final IntegrationChecks checks;
    private final Supplier<Collection<Integer>> ownedPartitions;
    private final RetrySchedule retries;
    private final String owner;
    private final int batch;
    private final Clock clock;

    public Verifications(VerificationStore store, IntegrationChecks checks, Supplier<Collection<Integer>> ownedPartitions,
                         RetrySchedule retries, String owner, int batch, Clock clock) {
        this.store = store;
        this.checks = checks;
        this.ownedPartitions = ownedPartitions;
        this.retries = retries;
        this.owner = owner;
        this.batch = batch;
        this.clock = clock;
    }

    /** Checks what is due now; called periodically. */
    public void tick() {
        Collection<Integer> partitions = ownedPartitions.get();
        if (!partitions.isEmpty()) {
            store.due(partitions, batch, clock.instant()).forEach(this::check);
        }
    }

    private void check(Verification verification) {
        try (LogScope ids = LogIds.enter(null, verification.ref(), verification.integrationId())) {
            checkLogged(verification);
        }
    }

    private void checkLogged(Verification verification) {
        try {
            IntegrationStatus status = checks.verify(verification.ref().tenantId(), verification.integrationId());
            store.done(verification, status, owner);
            log.info("integration verified command={} integration={} trigger={} status={}",
                    verification.ref().commandId(), verification.integrationId(), verification.trigger(), status.status());
        } catch (IntegrationChecks.UnknownIntegration e) {
            store.refused(verification, e.getMessage(), owner);
        } catch (KsefFailure e) {
            log.warn("integration verification postponed command={} attempts={} cause={}",
                    verification.ref().commandId(), verification.attempts() + 1, e.getMessage());
            store.later(verification, clock.instant().plus(retries.after(verification.attempts() + 1)), owner);
        }
    }
}
