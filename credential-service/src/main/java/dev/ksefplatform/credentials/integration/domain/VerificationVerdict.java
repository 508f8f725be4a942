package dev.ksefplatform.credentials.integration.domain;

import java.util.Set;
import java.util.TreeSet;

/** Whether KSeF's view of the token backs every scope the integration asks for. */
public sealed interface VerificationVerdict {

    record Confirmed(Set<String> scopes) implements VerificationVerdict {
    }

    record Failed(String reason) implements VerificationVerdict {
    }

    static VerificationVerdict judge(Integration integration, KsefTokenGrant grant) {
        if (!"Active".equalsIgnoreCase(grant.status())) {
            return new Failed("the KSeF token is " + grant.status() + " in KSeF — generate a new token for NIP "
                    + integration.taxpayerNip() + " and rotate the integration's secret");
        }
        if (grant.contextNip() != null && !grant.contextNip().equals(integration.taxpayerNip())) {
            return new Failed("the KSeF token belongs to context " + grant.contextNip() + ", not NIP "
                    + integration.taxpayerNip() + " — register the token issued in the taxpayer's context");
        }
        Set<String> missing = new TreeSet<>(integration.scopes());
        missing.removeAll(grant.permissions());
        if (!missing.isEmpty()) {
            return new Failed("permission not found — grant " + String.join(", ", missing) + " to NIP "
                    + integration.providerNip() + " in KSeF context " + integration.taxpayerNip()
                    + " and issue a KSeF token with those permissions");
        }
        return new Confirmed(integration.scopes());
    }

    /**
     * A KSeF token as KSeF lets it act now: its own status and permissions ({@code GET /tokens/{ref}}, which keep listing
     * a permission its author lost), then {@code effective} — the login's own permissions in the taxpayer's context
     * ({@code /permissions/query/personal/grants}), which lose it.
     */
    static VerificationVerdict judge(Integration integration, KsefTokenGrant grant, Set<String> effective) {
        VerificationVerdict byToken = judge(integration, grant);
        Set<String> lost = new TreeSet<>(integration.scopes());
        lost.removeAll(effective);
        if (byToken instanceof Failed || lost.isEmpty()) {
            return byToken;
        }
        String scopes = String.join(", ", lost);
        return new Failed("permission not found — the KSeF token's author no longer holds " + scopes
                + " in KSeF context " + integration.taxpayerNip() + ": grant " + scopes + " to the token's author "
                + "again in the KSeF portal (or generate a new KSeF token with those permissions and rotate the secret)");
    }

    /** A certificate login: {@code granted} is what KSeF lists for the certificate's subject in the taxpayer's context. */
    static VerificationVerdict judgeCertificate(Integration integration, Set<String> granted) {
        Set<String> missing = new TreeSet<>(integration.scopes());
        missing.removeAll(granted);
        if (!missing.isEmpty()) {
            String to = integration.usesProviderCredential() ? "NIP " + integration.providerNip()
                    : "the certificate's subject";
            return new Failed("permission not found — grant " + String.join(", ", missing) + " to " + to
                    + " in KSeF context " + integration.taxpayerNip());
        }
        return new Confirmed(integration.scopes());
    }
}
