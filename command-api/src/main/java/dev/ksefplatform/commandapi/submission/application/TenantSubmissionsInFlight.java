package dev.ksefplatform.commandapi.submission.application;

/** The tenant already has as many submissions in flight as the gateway holds for one tenant. */
public final class TenantSubmissionsInFlight extends RuntimeException {

    public TenantSubmissionsInFlight(int limit) {
        super("this tenant already has " + limit + " submissions in flight; retry after the Retry-After seconds"
                + " (nothing of this request was inspected or taken)");
    }
}
