package dev.ksefplatform.audit.security;

import java.util.Optional;
import java.util.Set;

/** Which callers may use which endpoints. */
final class AccessRules {

    private AccessRules() {
    }

    /** The callers allowed on {@code path}, or empty when the path is not protected. */
    static Optional<Set<String>> allowedCallers(String path) {
        if (path.startsWith("/internal/")) {
            return Optional.of(Set.of("command-api", "admin"));
        }
        if (path.startsWith("/admin/")) {
            return Optional.of(Set.of("admin"));
        }
        return Optional.empty();
    }
}
