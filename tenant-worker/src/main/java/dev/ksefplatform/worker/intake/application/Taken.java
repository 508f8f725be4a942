package dev.ksefplatform.worker.intake.application;

import java.util.ArrayList;
import java.util.List;

/** What one poll queues, by kind of command. */
public record Taken(List<NewCommand> commands, List<NewInboxSync> syncs, List<NewVerification> verifications) {

    public static Taken empty() {
        return new Taken(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }
}
