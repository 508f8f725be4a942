package dev.ksefplatform.commandapi.audit.application;

/** audit-projector cancelled the query at its statement timeout: a narrower time range will be answered. */
public final class AuditQueryTooBroad extends RuntimeException {

    public AuditQueryTooBroad() {
        super("the audit query took too long; narrow it with from and to, or with more filters");
    }
}
