package dev.ksefplatform.ksef.client;

/**
 * Told of every HTTP exchange the client makes (KSeF's API and its pre-signed storage), on the calling thread, after
 * the answer (or the failure) and before the client acts on it: for audit logs and metrics. It must not throw and
 * should not block.
 */
@FunctionalInterface
public interface KsefCallObserver {

    KsefCallObserver NONE = call -> {
    };

    void called(ObservedCall call);

    /**
     * One exchange: the endpoint as a template ({@code /sessions/online/{ref}/invoices}; {@code storage} for pre-signed
     * links), the HTTP status (0 when none came back), how long it took, and KSeF's first exception code and the error
     * text when it failed. Never a token, a key or a document.
     */
    record ObservedCall(String method, String endpoint, int httpStatus, long durationMillis, Integer exceptionCode,
                        String error) {
    }
}
