package dev.ksefplatform.worker.intake.application;

import dev.ksefplatform.worker.engine.application.EventEncoder;
import java.util.List;
import java.util.function.Function;

/**
 * A command an operator re-drove (header {@code ksef-redrive-of}): a {@code SubmitInvoice} or a {@code
 * VerifyIntegration} (the other one null), taken again only as {@link RedriveRule} allows; {@code refusal} makes its
 * new dead letter with a reason.
 */
public record Redrive(String redriveOf, NewCommand command, NewVerification verification,
                      Function<String, List<EventEncoder.Encoded>> refusal) {

    public String commandId() {
        return command != null ? command.ref().commandId() : verification.ref().commandId();
    }

    public String tenantId() {
        return command != null ? command.ref().tenantId() : verification.ref().tenantId();
    }
}
