package dev.ksefplatform.worker.verify.application;

import dev.ksefplatform.worker.verify.domain.IntegrationStatus;
import dev.ksefplatform.worker.verify.domain.Verification;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Queued verifications; every write checks that {@code owner} still owns the row's partition. */
public interface VerificationStore {

    List<Verification> due(Collection<Integer> partitions, int limit, Instant now);

    void done(Verification verification, IntegrationStatus status, String owner);

    void later(Verification verification, Instant notBefore, String owner);

    /** The integration is unknown: a command is dead-lettered with the reason (the worker's own re-check is dropped). */
    void refused(Verification verification, String reason, String owner);
}
