package dev.ksefplatform.credentials.session.application;

import dev.ksefplatform.credentials.integration.domain.Cause;
import java.util.function.Supplier;

/**
 * The cause of the KSeF calls made on this thread, read when their audit scope opens. KSeF calls are made
 * synchronously on the thread that asks for them, and work handed to another thread carries its cause explicitly.
 */
public final class CauseScope {

    private static final ThreadLocal<Cause> CURRENT = new ThreadLocal<>();

    private CauseScope() {
    }

    public static <T> T within(Cause cause, Supplier<T> work) {
        Cause previous = CURRENT.get();
        CURRENT.set(cause);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    public static void within(Cause cause, Runnable work) {
        within(cause, () -> {
            work.run();
            return null;
        });
    }

    /** The current cause; {@link Cause#SYSTEM} when nobody named one. */
    public static Cause current() {
        Cause cause = CURRENT.get();
        return cause == null ? Cause.SYSTEM : cause;
    }
}
