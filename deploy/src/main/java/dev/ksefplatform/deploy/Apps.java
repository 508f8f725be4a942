package dev.ksefplatform.deploy;

/** The names of the stack's applications (their Spring config names). */
public final class Apps {

    public static final String SIMULATOR = "ksef-simulator";
    public static final String COMMAND_API = "command-api";
    public static final String CREDENTIAL_SERVICE = "credential-service";
    public static final String TENANT_WORKER = "tenant-worker";
    public static final String SYNC_SERVICE = "sync-service";
    public static final String AUDIT_PROJECTOR = "audit-projector";
    public static final String CONSOLE = "console";

    private Apps() {
    }
}
