package dev.ksefplatform.sync.schedule.domain;

import dev.ksefplatform.sync.integration.domain.Integration;
import java.time.Instant;
import java.util.Optional;

/** A tenant whose inbox is read, one subject type, its run record and the high-water mark its syncs reached. */
public record SyncCandidate(Integration integration, String subjectType, Optional<SyncRun> run,
                            Instant highWaterMark) {

    public String tenantId() {
        return integration.tenantId();
    }
}
