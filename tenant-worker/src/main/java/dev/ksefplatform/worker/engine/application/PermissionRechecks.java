package dev.ksefplatform.worker.engine.application;

import dev.ksefplatform.worker.engine.domain.LaneKey;

/** Asks credential-service to check an integration again after KSeF refused the credential it lent a lane. */
public interface PermissionRechecks {

    /** At most one queued re-check per integration and minute, however many lanes ask. */
    void request(LaneKey lane, String integrationId);

    PermissionRechecks NONE = (lane, integrationId) -> {
    };
}
