package dev.ksefplatform.sync.schedule.domain;

import java.time.Instant;

/**
 * One SyncInbox command to issue: for the tenant's context and one subject type, from the stored high-water mark,
 * on behalf of {@code actorType}/{@code actorId} (SYSTEM inbox-schedule, or the TENANT that asked).
 */
public record SyncOrder(String commandId, String tenantId, String environment, String contextNip, String subjectType,
                        Trigger trigger, Instant fromHighWaterMark, String actorType, String actorId,
                        Instant issuedAt) {

    public static final String SCHEDULE_ACTOR = "inbox-schedule";

    /** Why a sync runs. */
    public enum Trigger {
        SCHEDULE, REQUEST
    }
}
