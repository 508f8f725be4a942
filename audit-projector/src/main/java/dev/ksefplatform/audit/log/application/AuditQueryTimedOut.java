package dev.ksefplatform.audit.log.application;

/** A read ran past its statement timeout: the database cancelled it, and a narrower filter would help. */
public final class AuditQueryTimedOut extends RuntimeException {

    public AuditQueryTimedOut(Throwable cause) {
        super("the audit query took too long; narrow it, e.g. with from and to", cause);
    }
}
