package dev.ksefplatform.worker.engine.application;

import java.util.List;

/** The records that dead-letter an unsent command: the command for {@code ksef.commands.v1-dlt} and its event. */
@FunctionalInterface
public interface UnsentDeadLetters {

    List<EventEncoder.Encoded> of(UnsentCommand command, String reason);
}
