package dev.ksefplatform.worker.intake.application;

import java.util.List;

/** What a poll's transaction did beyond the new rows: commands re-driven into their lanes, re-drives refused. */
public record Stored(List<NewCommand> requeued, int refused) {
}
