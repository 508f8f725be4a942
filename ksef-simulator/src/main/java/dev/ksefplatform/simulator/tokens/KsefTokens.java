package dev.ksefplatform.simulator.tokens;

import dev.ksefplatform.simulator.shared.ReferenceNumbers;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Every KSeF token the simulator has issued, by reference number and by secret. */
public final class KsefTokens {

    private final ReferenceNumbers references;
    private final Clock clock;
    private final Map<String, KsefToken> byReference = new ConcurrentHashMap<>();
    private final Map<String, String> referenceBySecret = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastUse = new ConcurrentHashMap<>();

    public KsefTokens(ReferenceNumbers references, Clock clock) {
        this.references = references;
        this.clock = clock;
    }

    public KsefToken generate(String contextNip, List<String> permissions, String description) {
        return generate(contextNip, permissions, description, "Nip", contextNip);
    }

    /** Active at once: the simulator skips the Pending state. */
    public KsefToken generate(String contextNip, List<String> permissions, String description, String authorType,
                              String authorValue) {
        String reference = references.next("EC");
        String secret = reference + "|nip-" + contextNip + "|" + references.hex(32).toLowerCase();
        KsefToken token = new KsefToken(reference, secret, contextNip, List.copyOf(permissions), description,
                Instant.now(clock), "Active", authorType, authorValue);
        byReference.put(reference, token);
        referenceBySecret.put(secret, reference);
        return token;
    }

    public Optional<KsefToken> bySecret(String secret) {
        return Optional.ofNullable(referenceBySecret.get(secret)).map(byReference::get);
    }

    public Optional<KsefToken> byReference(String reference) {
        return reference == null ? Optional.empty() : Optional.ofNullable(byReference.get(reference));
    }

    /** Every token of the context, newest first. */
    public List<KsefToken> inContext(String contextNip) {
        return byReference.values().stream().filter(t -> t.contextNip().equals(contextNip))
                .sorted(java.util.Comparator.comparing(KsefToken::dateCreated).reversed()
                        .thenComparing(KsefToken::referenceNumber))
                .toList();
    }

    public void revoke(String reference) {
        byReference.computeIfPresent(reference, (ref, token) -> token.withStatus("Revoked"));
    }

    public void used(String reference) {
        lastUse.put(reference, Instant.now(clock));
    }

    public Optional<Instant> lastUse(String reference) {
        return Optional.ofNullable(lastUse.get(reference));
    }
}
