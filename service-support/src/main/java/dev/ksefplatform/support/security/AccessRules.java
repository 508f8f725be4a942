package dev.ksefplatform.support.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Which callers may use which endpoints, by path prefix; the first matching prefix decides. */
public final class AccessRules {

    private final Map<String, Set<String>> callersByPrefix;

    private AccessRules(Map<String, Set<String>> callersByPrefix) {
        this.callersByPrefix = callersByPrefix;
    }

    public static AccessRules none() {
        return new AccessRules(Map.of());
    }

    /** These rules plus: paths starting with {@code pathPrefix} are open to {@code callers} only. */
    public AccessRules allow(String pathPrefix, String... callers) {
        if (callers.length == 0) {
            throw new IllegalArgumentException("name at least one caller for " + pathPrefix);
        }
        Map<String, Set<String>> rules = new LinkedHashMap<>(callersByPrefix);
        rules.put(pathPrefix, Set.of(callers));
        return new AccessRules(rules);
    }

    /** The callers allowed on {@code path}, or empty when the path is not protected. */
    public Optional<Set<String>> allowedCallers(String path) {
        return callersByPrefix.entrySet().stream().filter(rule -> path.startsWith(rule.getKey()))
                .map(Map.Entry::getValue).findFirst();
    }
}
