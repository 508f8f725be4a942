package dev.ksefplatform.worker.engine.domain;

import java.time.Instant;

/** What a lane's KSeF budget allows, as the policy sees it (read only: permits are taken when a step runs). */
public interface Budgets {

    /** When {@code permits} calls of {@code limit} could be made. */
    Instant availableAt(KsefLimit limit, int permits);

    /** Calls of {@code limit} still allowed in the sliding minute and hour. */
    Capacity capacity(KsefLimit limit);

    /** Calls left in the sliding minute and hour, and the limits the windows refill to. */
    record Capacity(int perMinute, int perHour, int limitPerMinute, int limitPerHour) {

        /** How many calls fit in the next {@code minutes}: the minute window refills, the hour window does not. */
        public long within(long minutes) {
            long byMinute = perMinute + Math.max(0, minutes - 1) * (long) limitPerMinute;
            return Math.min(byMinute, perHour);
        }
    }
}
