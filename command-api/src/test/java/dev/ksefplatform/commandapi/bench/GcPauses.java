package dev.ksefplatform.commandapi.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * This JVM's collections in a window, from the collectors' notifications: how many, their total and their longest
 * duration. For the serial, parallel and (on JDK 17, which reports no concurrent cycle of it) G1 collectors a
 * collection's duration is its pause; ZGC and Shenandoah report whole cycles, mostly concurrent, instead.
 */
final class GcPauses {

    private final AtomicLong count = new AtomicLong();
    private final AtomicLong totalMillis = new AtomicLong();
    private final AtomicLong maxMillis = new AtomicLong();

    private GcPauses() {
    }

    static GcPauses listen() {
        GcPauses pauses = new GcPauses();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    long millis = GarbageCollectionNotificationInfo
                            .from((CompositeData) notification.getUserData()).getGcInfo().getDuration();
                    pauses.count.incrementAndGet();
                    pauses.totalMillis.addAndGet(millis);
                    pauses.maxMillis.accumulateAndGet(millis, Math::max);
                }
            }, null, null);
        }
        return pauses;
    }

    /** This window's figures as text, and a new window begun. */
    String takeWindow() {
        return String.format("GC %d ms in %d collections, longest %d ms (%s)", totalMillis.getAndSet(0),
                count.getAndSet(0), maxMillis.getAndSet(0), collector());
    }

    private static String collector() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
