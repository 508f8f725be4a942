package dev.ksefplatform.credentials.integration.application;

import dev.ksefplatform.credentials.integration.domain.Integration;

/** The integration after verification; {@code reason} is set when it ended in ERROR. */
public record VerificationResult(Integration integration) {
}
