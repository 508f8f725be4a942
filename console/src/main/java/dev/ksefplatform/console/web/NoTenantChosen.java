package dev.ksefplatform.console.web;

/** An operator opened a tenant's page without acting for a tenant. */
final class NoTenantChosen extends RuntimeException {

    NoTenantChosen() {
        super("choose a tenant to act for first");
    }
}
