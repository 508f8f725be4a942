package dev.ksefplatform.worker.verify.domain;

/** What credential-service found: the integration's status after the check and, if not active, what to do. */
public record IntegrationStatus(String status, String reason) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
