package dev.ksefplatform.worker.engine.application;

import dev.ksefplatform.schemas.logging.LogScope;
import dev.ksefplatform.worker.engine.domain.CommandRef;
import dev.ksefplatform.worker.engine.domain.LaneKey;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which lane (or inbox sync) the KSeF calls made on this thread are for, and the lease they use, so that the audit
 * records every call under its tenant, context, integration and provider. Lanes and syncs run each step on one
 * thread, and ksef-client calls synchronously on the caller's thread. The same ids go on the thread's log lines
 * ({@link LogIds}).
 */
public final class CallScope {

    private static final ThreadLocal<Current> CURRENT = new ThreadLocal<>();

    private CallScope() {
    }

    /** The scope of the calls: the lane, the command (or lane) they are for, and the lease in use when asked. */
    public record Current(LaneKey lane, CommandRef cause, Supplier<Lease> lease) {
    }

    public static <T> T within(Current scope, Supplier<T> work) {
        Current previous = CURRENT.get();
        CURRENT.set(scope);
        Lease lease = scope.lease().get();
        try (LogScope ids = LogIds.enter(scope.lane(), scope.cause(), lease == null ? null : lease.integrationId())) {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    public static Optional<Current> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
