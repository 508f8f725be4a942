package dev.ksefplatform.worker.engine.application;

/**
 * Named moments where a crash would hurt most (after a send, after a verdict, before a commit). Production does
 * nothing there; the crash tests make the worker die exactly there, to prove that nothing is lost or doubled.
 */
@FunctionalInterface
public interface CrashPoints {

    String AFTER_SEND = "after-send";
    String AFTER_STATUS = "after-status";
    String BEFORE_COMMIT = "before-commit";
    String AFTER_BATCH_CLOSE = "after-batch-close";

    CrashPoints NONE = point -> {
    };

    void reached(String point);
}
