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
    /** An inbox window is downloaded and decrypted; nothing of it is written yet. */
    String INBOX_AFTER_DOWNLOAD = "inbox-after-download";
    /** An inbox window's events and checkpoint are committed; the next window has not started. */
    String INBOX_AFTER_WINDOW = "inbox-after-window";

    CrashPoints NONE = point -> {
    };

    void reached(String point);
}
