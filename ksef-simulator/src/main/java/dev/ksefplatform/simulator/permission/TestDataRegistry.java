package dev.ksefplatform.simulator.permission;

import dev.ksefplatform.simulator.error.KsefException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What was set up through {@code /testdata}: persons by NIP and permission grants by id. */
final class TestDataRegistry {

    private final Map<String, String> personsByNip = new ConcurrentHashMap<>();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    void addPerson(String nip, String pesel) {
        if (personsByNip.putIfAbsent(nip, pesel) != null) {
            throw alreadyExists();
        }
    }

    /** All or nothing: 30001 when any of the grants exists already. */
    synchronized void addGrants(List<Grant> requested) {
        if (requested.stream().anyMatch(grant -> grants.containsKey(grant.id()))) {
            throw alreadyExists();
        }
        requested.forEach(grant -> grants.put(grant.id(), grant));
    }

    List<Grant> heldBy(String authorizedType, String authorizedValue) {
        return grants.values().stream()
                .filter(g -> g.authorizedType().equals(authorizedType) && g.authorizedValue().equals(authorizedValue))
                .toList();
    }

    /** {@code POST /testdata/permissions/revoke}: every grant to the holder in the context goes. */
    void revokeAll(String contextNip, String holderType, String holderValue) {
        grants.values().removeIf(g -> g.contextNip().equals(contextNip) && g.authorizedType().equals(holderType)
                && g.authorizedValue().equalsIgnoreCase(holderValue));
    }

    List<String> in(String contextNip, String holderType, String holderValue) {
        return grants.values().stream()
                .filter(g -> g.contextNip().equals(contextNip) && g.authorizedType().equals(holderType)
                        && g.authorizedValue().equalsIgnoreCase(holderValue))
                .map(Grant::permission).distinct().sorted().toList();
    }

    private static KsefException alreadyExists() {
        return new KsefException(30001, "Podmiot lub uprawnienie już istnieje.");
    }
}
