package dev.ksefplatform.simulator.inbox;

import dev.ksefplatform.simulator.error.SimRequestInvalid;
import java.time.Duration;
import java.time.Instant;

/**
 * When each seeded invoice reaches permanent storage: evenly from {@code first} on, {@code step} apart. Never at or
 * below {@code floor}, the latest HWM its buyer or sellers were shown (data below an HWM shown never changes).
 */
record SeedSchedule(Instant first, Duration step) {

    static final Duration DEFAULT_SPREAD = Duration.ofDays(1);

    static SeedSchedule of(SeedRequest request, Instant now, Instant floor) {
        int count = request.count();
        if (request.ratePerSecond() != null) {
            Duration step = Duration.ofNanos(Math.round(1e9 / request.ratePerSecond()));
            return new SeedSchedule(later(now, floor).plus(step), step);
        }
        Instant to = request.to() != null ? request.to() : now;
        Instant from = request.from() != null ? request.from() : later(to.minus(DEFAULT_SPREAD), floor.plusMillis(1));
        if (!from.isAfter(floor)) {
            throw new SimRequestInvalid("from " + from + " is not after the HWM already shown (" + floor + "): KSeF "
                    + "never adds data at or below an HWM it has shown");
        }
        if (!to.isAfter(from)) {
            to = from.plusSeconds(1);
        }
        return new SeedSchedule(from, count == 1 ? Duration.ZERO : Duration.between(from, to).dividedBy(count - 1));
    }

    Instant at(int index) {
        return first.plus(step.multipliedBy(index));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
