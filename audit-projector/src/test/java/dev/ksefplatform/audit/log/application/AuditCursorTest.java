package dev.ksefplatform.audit.log.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditCursorTest {

    @Test
    void encodedCursorDecodesToTheSamePosition() {
        AuditCursor cursor = new AuditCursor("tenant-a", Instant.parse("2026-11-23T08:00:00.123Z"), "e-1");

        assertThat(AuditCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void textNotIssuedByTheServiceIsRefused() {
        assertThatThrownBy(() -> AuditCursor.decode("bm9wZQ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditCursor.decode("%%%")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditCursor.decode("a".repeat(2000))).isInstanceOf(IllegalArgumentException.class);
    }
}
