package dev.ksefplatform.credentials.session.application;

import java.util.List;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * The KSeF auth sessions this service opened, shared by every instance. Writes are fire-and-forget (they run beside
 * logins and must never hold one up); a lost write only leaves a session for KSeF to expire.
 */
public interface SessionRecords {

    void opened(KsefContext context, String referenceNumber);

    void replaced(KsefContext context, String referenceNumber);

    void revoked(List<String> referenceNumbers);

    /** KSeF no longer lists them (expired or revoked elsewhere). */
    void gone(List<String> referenceNumbers);

    /** Replaced sessions not yet revoked, by context. */
    Mono<Map<KsefContext, Set<String>>> replaced();

    /** For unit tests and tools that keep no records. */
    SessionRecords NONE = new SessionRecords() {
        public void opened(KsefContext context, String referenceNumber) {
        }

        public void replaced(KsefContext context, String referenceNumber) {
        }

        public void revoked(List<String> referenceNumbers) {
        }

        public void gone(List<String> referenceNumbers) {
        }

        public Mono<Map<KsefContext, Set<String>>> replaced() {
            return Mono.just(Map.of());
        }
    };
}
