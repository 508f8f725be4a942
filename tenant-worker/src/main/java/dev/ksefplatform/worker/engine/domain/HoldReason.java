package dev.ksefplatform.worker.engine.domain;

/** Why a lane waits instead of calling KSeF. Waiting is never a failure of the commands it holds. */
public enum HoldReason {
    /** KSeF's budget for the next call is used up; the lane goes on when the window moves. */
    RATE_LIMIT,
    /** credential-service refuses leases: the integration is not ACTIVE, or lacks the scope. */
    INTEGRATION_NOT_ACTIVE,
    /** KSeF refused the context's credential (401/403/415 after a fresh lease): its permission is being checked. */
    PERMISSION_CHECK,
    /** KSeF or credential-service answers 5xx, times out, or sends HTML. */
    KSEF_UNAVAILABLE
}
