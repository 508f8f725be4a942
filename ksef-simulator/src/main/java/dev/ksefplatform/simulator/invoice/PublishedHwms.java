package dev.ksefplatform.simulator.invoice;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest permanent-storage HWM each context was shown (by a metadata query or an export). KSeF promises that
 * data below an HWM it showed never changes, so nothing may be stored at or below it afterwards: seeding keeps to it.
 */
public final class PublishedHwms {

    private final Map<String, Instant> latest = new ConcurrentHashMap<>();

    public void shown(String contextNip, Instant hwm) {
        if (hwm != null) {
            latest.merge(contextNip, hwm, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /** The latest HWM shown to the context, {@link Instant#MIN} when none was. */
    public Instant latest(String contextNip) {
        return latest.getOrDefault(contextNip, Instant.MIN);
    }
}
