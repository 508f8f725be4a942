package dev.ksefplatform.console.onboarding;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * What the wizard's first step chose: the KSeF environment, the permissions the integration uses and how it logs in
 * (the tenant's own KSeF token, its own certificate uploaded as a PKCS#12 file, or the platform provider's credential
 * the tenant grants permissions to in KSeF).
 * Anything else is refused with the message key of a sentence saying what to choose.
 */
public record IntegrationChoice(String environment, List<String> scopes, String kind) {

    static final List<String> SCOPES = List.of("InvoiceWrite", "InvoiceRead");
    static final Set<String> KINDS = Set.of("KSEF_TOKEN", "CERTIFICATE", "PROVIDER");

    static IntegrationChoice of(MultiValueMap<String, String> given, List<String> environments) {
        String environment = given.getFirst("environment");
        List<String> scopes = given.getOrDefault("scopes", List.of());
        String kind = given.getFirst("kind");
        if (environment == null || !environments.contains(environment)) {
            throw new InvalidChoice("onboarding.choice.environment");
        }
        if (scopes.isEmpty() || !SCOPES.containsAll(scopes) || scopes.size() != Set.copyOf(scopes).size()) {
            throw new InvalidChoice("onboarding.choice.scopes");
        }
        if (kind == null || !KINDS.contains(kind)) {
            throw new InvalidChoice("onboarding.choice.kind");
        }
        return new IntegrationChoice(environment, SCOPES.stream().filter(scopes::contains).toList(), kind);
    }

    /** command-api's self-service body; the token goes in only here, from the form, and is never kept. */
    Map<String, Object> body(String ksefToken) {
        return withCredential(kind.equals("PROVIDER") ? Map.of("type", "PROVIDER") : Map.of("type", "KSEF_TOKEN", "ksefToken", ksefToken));
    }

    /** The same with a credential already made (a checked certificate). */
    Map<String, Object> withCredential(Map<String, Object> credential) {
        return Map.of("environment", environment, "scopes", scopes, "credential", credential);
    }

    static final class InvalidChoice extends RuntimeException {

        InvalidChoice(String messageKey) {
            super(messageKey);
        }
    }
}
