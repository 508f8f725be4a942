package dev.ksefplatform.simulator.receiving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.simulator.receiving.QueryFilters.DateRange;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class QuerySnapshotsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final Instant T1 = T0.plusSeconds(5);
    private static final QueryFilters SINCE_FEBRUARY = filters("2026-02-01T00:00:00Z");

    private final QuerySnapshots snapshots = new QuerySnapshots(Clock.fixed(T0, ZoneOffset.UTC));

    @Test
    void laterPagesOfAQueryKeepTheHighWaterMarkOfItsFirstPage() {
        Instant first = snapshots.hwm("5265877635", SINCE_FEBRUARY, 0, T0);

        assertThat(snapshots.hwm("5265877635", SINCE_FEBRUARY, 1, T1)).isEqualTo(first);
        assertThat(snapshots.hwm("5265877635", SINCE_FEBRUARY, 7, T1)).isEqualTo(first);
    }

    @Test
    void theFirstPageStartsANewQuery() {
        snapshots.hwm("5265877635", SINCE_FEBRUARY, 0, T0);

        assertThat(snapshots.hwm("5265877635", SINCE_FEBRUARY, 0, T1)).isEqualTo(T1);
        assertThat(snapshots.hwm("5265877635", SINCE_FEBRUARY, 1, T0)).isEqualTo(T1);
    }

    @Test
    void otherFiltersOrAnotherContextAreAnotherQuery() {
        snapshots.hwm("5265877635", SINCE_FEBRUARY, 0, T0);

        assertThat(snapshots.hwm("5265877635", filters("2026-02-02T00:00:00Z"), 1, T1)).isEqualTo(T1);
        assertThat(snapshots.hwm("7762811692", SINCE_FEBRUARY, 1, T1)).isEqualTo(T1);
    }

    private static QueryFilters filters(String from) {
        return new QueryFilters("Subject2", new DateRange("PermanentStorage",
                Instant.parse(from).atOffset(ZoneOffset.UTC), null, true), null, null, null, null, null, null, null,
                null, null, null);
    }
}
