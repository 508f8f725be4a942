package dev.ksefplatform.commandapi.upstream.application;

/** What became of an ingress command: accepted as a command of the tenant, or refused with the reason. */
public sealed interface IngressOutcome {

    record Accepted(String commandId) implements IngressOutcome {
    }

    /**
     * @param tenantsOwn whether the refusal is shown to the tenant (the system may act for it); a command for a tenant
     *                   the system may not act for is never shown to that tenant
     */
    record Refused(String reason, boolean tenantsOwn) implements IngressOutcome {
    }
}
