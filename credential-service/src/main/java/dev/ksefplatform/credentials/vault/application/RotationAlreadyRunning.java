package dev.ksefplatform.credentials.vault.application;

import java.util.UUID;

/** Two rotations at once would fight over the envelopes; the second one is refused. */
public final class RotationAlreadyRunning extends RuntimeException {

    public RotationAlreadyRunning(UUID running) {
        super("master key rotation " + running + " is still running; wait until it completes");
    }
}
