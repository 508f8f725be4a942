package dev.ksefplatform.ksef.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WireFormatsTest {

    @Test
    void readsKsefTimestampsWithSevenFractionDigitsAnOffsetOrNoOffsetAtAll() {
        assertThat(Json.parseInstant("2025-07-11T12:23:56.0154302+02:00")).isEqualTo(Instant.parse("2025-07-11T10:23:56.0154302Z"));
        assertThat(Json.parseInstant("2025-10-11T12:23:56.0154302")).isEqualTo(Instant.parse("2025-10-11T12:23:56.0154302Z"));
        assertThat(Json.parseInstant("0001-01-01T00:00:00+00:00")).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
    }

    @Test
    void encodesPathSegmentsSoACallerValueCannotLeaveItsSegment() {
        assertThat(PathSegment.of("../auth/sessions")).isEqualTo("..%2Fauth%2Fsessions");
        assertThat(PathSegment.of("a b?c")).isEqualTo("a%20b%3Fc");
        assertThat(PathSegment.of("20250625-SO-2C3E6C8000-B675CF5D68-07")).isEqualTo("20250625-SO-2C3E6C8000-B675CF5D68-07");
    }
}
