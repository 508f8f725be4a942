package dev.ksefplatform.worker.intake.application;

import java.util.ArrayList;
import java.util.List;

/** What one poll queues, by kind of command, and the re-driven commands it decides on. */
public record Taken(List<NewCommand> commands, List<NewInboxSync> syncs, List<NewVerification> verifications,
                    List<Redrive> redrives) {

    public static Taken empty() {
        return new Taken(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }
}
