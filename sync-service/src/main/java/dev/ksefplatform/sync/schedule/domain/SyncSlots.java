package dev.ksefplatform.sync.schedule.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;

/**
 * When a tenant's syncs of a subject type fall due: at the same offset in every period, the offset taken from a
 * hash of the tenant and subject type, so a thousand tenants spread evenly over the window instead of all
 * starting at its first minute, and each tenant keeps its moment across restarts and instances.
 */
public final class SyncSlots {

    private SyncSlots() {
    }

    /** The tenant's offset from the start of each period. */
    public static Duration offset(String tenantId, SubjectSchedule schedule) {
        long spread = Math.floorMod(hash(tenantId + "/" + schedule.subjectType()), schedule.windowLength().toMillis());
        return schedule.windowStart().plusMillis(spread);
    }

    /** The first of the tenant's slots strictly after {@code reference}. */
    public static Instant nextAfter(Instant reference, String tenantId, SubjectSchedule schedule) {
        long period = schedule.period().toMillis();
        long offset = offset(tenantId, schedule).toMillis();
        long periodStart = Math.floorDiv(reference.toEpochMilli() - offset, period) * period;
        return Instant.ofEpochMilli(periodStart + offset + period);
    }

    private static long hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
