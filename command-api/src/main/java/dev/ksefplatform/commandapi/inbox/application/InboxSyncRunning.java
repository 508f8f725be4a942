package dev.ksefplatform.commandapi.inbox.application;

/** "Sync now" while a sync of that subject type runs: nothing new is started; the running one is named. */
public final class InboxSyncRunning extends RuntimeException {

    private final String commandId;

    public InboxSyncRunning(SyncStart running) {
        super("a sync of " + running.subjectType() + " is already running");
        this.commandId = running.commandId();
    }

    public String commandId() {
        return commandId;
    }
}
