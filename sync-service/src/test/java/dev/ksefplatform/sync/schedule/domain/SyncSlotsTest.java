package dev.ksefplatform.sync.schedule.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SyncSlotsTest {

    private static final SubjectSchedule EVERY_15_MIN = SubjectSchedule.every("Subject2", Duration.ofMinutes(15));
    private static final SubjectSchedule NIGHTLY = new SubjectSchedule("Subject3", Duration.ofHours(24),
            Duration.ofHours(1), Duration.ofHours(4));

    @Test
    void thousandTenantsSpreadOverTheFifteenMinutes() {
        int[] perMinute = new int[15];
        IntStream.range(0, 1000).mapToObj(i -> "tenant-" + i)
                .forEach(t -> perMinute[(int) SyncSlots.offset(t, EVERY_15_MIN).toMinutes()]++);

        // uniform would be 66.7 per minute; a start-of-window pile-up would put 1,000 in minute 0
        assertThat(IntStream.of(perMinute).boxed().toList()).allSatisfy(count -> assertThat(count).isBetween(40, 95));
    }

    @Test
    void aTenantKeepsItsMomentAndEachSubjectTypeHasItsOwn() {
        Duration subject2 = SyncSlots.offset("tenant-7", EVERY_15_MIN);

        assertThat(SyncSlots.offset("tenant-7", EVERY_15_MIN)).isEqualTo(subject2);
        assertThat(SyncSlots.offset("tenant-7", SubjectSchedule.every("Subject1", Duration.ofMinutes(15))))
                .isNotEqualTo(subject2);
    }

    @Test
    void nextSlotIsStrictlyAfterTheReferenceAndOnePeriodApart() {
        Instant reference = Instant.parse("2026-11-22T10:07:13Z");

        Instant next = SyncSlots.nextAfter(reference, "tenant-7", EVERY_15_MIN);
        Instant after = SyncSlots.nextAfter(next, "tenant-7", EVERY_15_MIN);

        assertThat(next).isAfter(reference).isBeforeOrEqualTo(reference.plus(Duration.ofMinutes(15)));
        assertThat(Duration.between(next, after)).isEqualTo(Duration.ofMinutes(15));
        assertThat(Math.floorMod(next.toEpochMilli(), Duration.ofMinutes(15).toMillis()))
                .isEqualTo(SyncSlots.offset("tenant-7", EVERY_15_MIN).toMillis());
    }

    @Test
    void nightlySlotsFallInsideTheirWindowOncePerDay() {
        IntStream.range(0, 200).mapToObj(i -> "tenant-" + i).forEach(tenant -> {
            Instant next = SyncSlots.nextAfter(Instant.parse("2026-11-22T12:00:00Z"), tenant, NIGHTLY);
            LocalTime at = next.atZone(ZoneOffset.UTC).toLocalTime();

            assertThat(at).isBetween(LocalTime.of(1, 0), LocalTime.of(4, 59, 59, 999_000_000));
            assertThat(next).isBetween(Instant.parse("2026-11-23T01:00:00Z"), Instant.parse("2026-11-23T05:00:00Z"));
        });
    }
}
