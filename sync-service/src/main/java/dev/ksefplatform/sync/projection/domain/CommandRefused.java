package dev.ksefplatform.sync.projection.domain;

/**
 * A command was refused at the door and went to a dead-letter topic ({@code CommandDeadLettered}): the worker could
 * not take it from {@code topic} at all, or command-api refused an upstream system's record. It ends the command
 * unless the same command comes again (re-driven from the dead-letter topic, or sent again by its system). A refusal
 * owned by {@code upstream:<system>} is the system's own, of a tenant it may not act for: no tenant's.
 */
public record CommandRefused(EventMeta meta, String reason, String topic) implements SyncEvent {

    /** The owner command-api gives a refusal of a tenant the system may not act for (CONTRACTS §5). */
    public static final String UPSTREAM_OWNER_PREFIX = "upstream:";
    /** How the worker's reason starts when it refuses a re-driven command (CONTRACTS §5, "Re-drives"). */
    public static final String REDRIVE_REFUSED_PREFIX = "re-drive refused: ";

    /** Whether the refused command is a tenant's, rather than an upstream system's own refused record. */
    public boolean ownedByATenant() {
        return !meta.tenantId().startsWith(UPSTREAM_OWNER_PREFIX);
    }

    /**
     * Whether this is the worker's refusal of an operator's re-drive: it says why the re-drive did not run (the
     * command ran or runs already, or was never taken) and leaves the command's own outcome as it stands.
     */
    public boolean refusedRedrive() {
        return reason != null && reason.startsWith(REDRIVE_REFUSED_PREFIX);
    }
}
