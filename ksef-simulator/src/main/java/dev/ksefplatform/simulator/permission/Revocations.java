package dev.ksefplatform.simulator.permission;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Permissions taken away from a subject in a context through {@code /sim/v1/permissions}, until restored. */
final class Revocations {

    private final Map<String, Set<String>> revoked = new ConcurrentHashMap<>();

    void revoke(String contextNip, String subjectType, String subjectValue, List<String> permissions) {
        revoked.computeIfAbsent(key(contextNip, subjectType, subjectValue), k -> ConcurrentHashMap.newKeySet())
                .addAll(permissions);
    }

    void restore(String contextNip, String subjectType, String subjectValue, List<String> permissions) {
        revoked.computeIfPresent(key(contextNip, subjectType, subjectValue), (k, set) -> {
            set.removeAll(permissions);
            return set.isEmpty() ? null : set;
        });
    }

    /** Cheap when nothing was ever revoked: this runs on every authenticated call. */
    Set<String> of(String contextNip, String subjectType, String subjectValue) {
        return revoked.isEmpty() ? Set.of() : revoked.getOrDefault(key(contextNip, subjectType, subjectValue), Set.of());
    }

    private static String key(String contextNip, String subjectType, String subjectValue) {
        return contextNip + '|' + subjectType + '|' + subjectValue.toUpperCase(Locale.ROOT);
    }
}
