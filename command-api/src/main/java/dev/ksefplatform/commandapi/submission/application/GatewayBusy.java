package dev.ksefplatform.commandapi.submission.application;

/** The gateway holds as many submissions, of all tenants, as it is configured to. */
public final class GatewayBusy extends RuntimeException {

    public GatewayBusy() {
        super("the gateway holds as many submissions as it takes at once; retry after the Retry-After seconds"
                + " (nothing of this request was inspected or taken)");
    }
}
