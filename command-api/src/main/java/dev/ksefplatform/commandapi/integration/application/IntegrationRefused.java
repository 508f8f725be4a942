package dev.ksefplatform.commandapi.integration.application;

/**
 * The vault refused a self-service request (bad input, a NIP already taken, a move the lifecycle forbids, KSeF
 * unavailable or its rate limit reached): passed on to the tenant with the vault's stable problem type.
 */
public final class IntegrationRefused extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;

    public IntegrationRefused(int status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }
}
