package dev.ksefplatform.commandapi.budget.application;

/** No worker has called KSeF for the tenant's context yet: its budget is KSeF's whole limit. */
public final class KsefBudgetNotSeen extends RuntimeException {

    public KsefBudgetNotSeen() {
        super("The platform has not called KSeF for your context yet: its whole limit is available. "
                + "Send an invoice or sync the inbox, then look again.");
    }
}
