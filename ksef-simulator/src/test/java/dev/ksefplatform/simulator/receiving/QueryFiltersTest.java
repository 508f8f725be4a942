package dev.ksefplatform.simulator.receiving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.simulator.error.KsefException;
import dev.ksefplatform.simulator.receiving.QueryFilters.DateRange;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class QueryFiltersTest {

    private static final Instant HWM = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void aWindowWithoutToEndsAtTheHighWaterMark() {
        QueryFilters filters = filters(at("2026-02-01T00:00:00Z"), null, true);

        assertThat(filters.end(HWM)).isEqualTo(HWM);
    }

    @Test
    void aRestrictedWindowNeverEndsPastTheHighWaterMark() {
        QueryFilters filters = filters(at("2026-02-01T00:00:00Z"), at("2026-04-01T00:00:00Z"), true);

        assertThat(filters.end(HWM)).isEqualTo(HWM);
    }

    @Test
    void rejectsFromPastTheHighWaterMarkWith21183() {
        QueryFilters filters = filters(at("2026-03-02T00:00:00Z"), null, true);

        assertThatThrownBy(() -> filters.end(HWM))
                .isInstanceOfSatisfying(KsefException.class, e -> assertThat(e.code()).isEqualTo(21183));
    }

    @Test
    void showsTheHighWaterMarkForTheNewestPeriodAndTheWindowsEndForAnOlderOne() {
        QueryFilters newest = filters(at("2026-02-01T00:00:00Z"), null, true);
        QueryFilters older = filters(at("2026-02-01T00:00:00Z"), at("2026-02-15T00:00:00Z"), true);
        QueryFilters reachingPastIt = filters(at("2026-02-01T00:00:00Z"), at("2026-04-01T00:00:00Z"), false);

        assertThat(newest.reportedHwm(HWM)).isEqualTo(HWM);
        assertThat(older.reportedHwm(HWM)).isEqualTo(Instant.parse("2026-02-15T00:00:00Z"));
        assertThat(reachingPastIt.reportedHwm(HWM)).isEqualTo(HWM);
    }

    @Test
    void aRestrictedWindowStartingPastTheHighWaterMarkIsFlaggedForExports() {
        assertThat(filters(at("2026-03-02T00:00:00Z"), null, true).startsPast(HWM)).isTrue();
        assertThat(filters(at("2026-03-02T00:00:00Z"), null, false).startsPast(HWM)).isFalse();
        assertThat(filters(HWM.atOffset(ZoneOffset.UTC), null, true).startsPast(HWM)).isFalse();
    }

    @Test
    void rejectsARangeLongerThanThreeMonths() {
        QueryFilters filters = filters(at("2026-01-01T00:00:00Z"), at("2026-04-01T00:00:01Z"), false);

        assertThatThrownBy(filters::validate)
                .isInstanceOfSatisfying(KsefException.class, e -> assertThat(e.code()).isEqualTo(21405));
    }

    private static OffsetDateTime at(String instant) {
        return Instant.parse(instant).atOffset(ZoneOffset.UTC);
    }

    private static QueryFilters filters(OffsetDateTime from, OffsetDateTime to, boolean restricted) {
        return new QueryFilters("Subject2", new DateRange("PermanentStorage", from, to, restricted), null, null, null,
                null, null, null, null, null, null, null);
    }
}
