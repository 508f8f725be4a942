package dev.ksefplatform.worker.verify.domain;

import dev.ksefplatform.worker.engine.domain.CommandRef;

/**
 * One request to re-check an integration's permissions in KSeF through credential-service: a {@code VerifyIntegration}
 * command, or the worker's own after KSeF refused a context's credential ({@link #KSEF_REFUSAL}).
 */
public record Verification(CommandRef ref, int partition, String integrationId, String environment, String trigger,
                           int attempts) {

    public static final String KSEF_REFUSAL = "KSEF_REFUSAL";
}
