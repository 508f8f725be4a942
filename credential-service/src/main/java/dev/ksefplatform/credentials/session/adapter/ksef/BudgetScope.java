package dev.ksefplatform.credentials.session.adapter.ksef;

import java.util.function.Supplier;

/**
 * The KSeF context the current thread is calling in. ksef-client sends synchronously on the caller's thread, so the
 * budgeted HTTP client below it reads the context from here.
 */
final class BudgetScope {

    private static final ThreadLocal<String> CONTEXT = new ThreadLocal<>();

    private BudgetScope() {
    }

    static <T> T in(String contextNip, Supplier<T> call) {
        String outer = CONTEXT.get();
        CONTEXT.set(contextNip);
        try {
            return call.get();
        } finally {
            if (outer == null) {
                CONTEXT.remove();
            } else {
                CONTEXT.set(outer);
            }
        }
    }

    static String current() {
        String context = CONTEXT.get();
        return context == null ? "unknown" : context;
    }
}
