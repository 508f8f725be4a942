package dev.ksefplatform.worker.intake.application;

/**
 * What the worker's own rows say of a command id: its tenant, state and outcome ({@code DEAD_LETTERED} when the worker
 * dead-lettered it), whether anything of it may have reached KSeF, and the re-drive it last came from.
 */
public record PreviousRun(String tenantId, String state, String outcome, boolean everSent, String redriveOf) {

    public static final String DEAD_LETTERED = "DEAD_LETTERED";
}
