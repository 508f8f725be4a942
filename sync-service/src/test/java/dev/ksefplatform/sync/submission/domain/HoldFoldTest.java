package dev.ksefplatform.sync.submission.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.sync.projection.domain.ContextHeld;
import dev.ksefplatform.sync.projection.domain.ContextResumed;
import dev.ksefplatform.sync.projection.domain.EventMeta;
import dev.ksefplatform.sync.projection.domain.SyncEvent;
import dev.ksefplatform.sync.submission.domain.ContextHold.HoldKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HoldFoldTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final HoldKey KEY = new HoldKey("tenant-a", "5265877635", "TEST");

    @Test
    void heldContextCarriesWhyAndUntilWhen() {
        Map<HoldKey, ContextHold> changed = HoldFold.foldAll(Map.of(), List.of(held("e1", T0)));

        assertThat(changed.get(KEY)).satisfies(hold -> {
            assertThat(hold.held()).isTrue();
            assertThat(hold.reason()).isEqualTo("RATE_LIMIT");
            assertThat(hold.limitGroup()).isEqualTo("invoiceSend");
            assertThat(hold.until()).isEqualTo(T0.plusSeconds(600));
        });
    }

    @Test
    void resumedContextIsReleased() {
        Map<HoldKey, ContextHold> changed = HoldFold.foldAll(Map.of(), List.of(held("e1", T0), resumed("e2", T0.plusSeconds(5))));

        assertThat(changed.get(KEY).held()).isFalse();
    }

    @Test
    void heldRepublishedAfterTheResumeDoesNotHoldAgain() {
        ContextHold released = HoldFold.foldAll(Map.of(), List.of(held("e1", T0), resumed("e2", T0.plusSeconds(5))))
                .get(KEY);

        Map<HoldKey, ContextHold> changed = HoldFold.foldAll(Map.of(KEY, released), List.of(held("e1", T0)));

        assertThat(changed).isEmpty();
    }

    @Test
    void holdsOfOtherContextsAreKeptApart() {
        SyncEvent other = new ContextHeld(new EventMeta("e3", "tenant-a", "-", T0, null), "1111111111", "TEST",
                "KSEF_UNAVAILABLE", "KSeF answers 503", null, null, 3);

        assertThat(HoldFold.foldAll(Map.of(), List.of(held("e1", T0), other))).hasSize(2);
        assertThat(HoldFold.keysOf(List.of(held("e1", T0), other))).hasSize(2);
    }

    private static SyncEvent held(String eventId, Instant at) {
        return new ContextHeld(new EventMeta(eventId, "tenant-a", "-", at, "5265877635"), "5265877635", "TEST",
                "RATE_LIMIT", "180 sends per hour used", "invoiceSend", T0.plusSeconds(600), 12);
    }

    private static SyncEvent resumed(String eventId, Instant at) {
        return new ContextResumed(new EventMeta(eventId, "tenant-a", "-", at, "5265877635"), "5265877635", "TEST", 0);
    }
}
