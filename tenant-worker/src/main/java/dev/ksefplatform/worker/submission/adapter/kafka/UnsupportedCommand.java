package dev.ksefplatform.worker.submission.adapter.kafka;

/** A command type the worker does not process yet: it is dead-lettered at once, never retried. */
public class UnsupportedCommand extends RuntimeException {

    public UnsupportedCommand(String commandType) {
        super(commandType + " is not supported yet");
    }
}
