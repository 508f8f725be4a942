package dev.ksefplatform.sync.inbox.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InboxCursorTest {

    @Test
    void cursorRoundTripsAndSaysNothingReadable() {
        InboxCursor cursor = new InboxCursor("tenant-a", Instant.parse("2026-11-21T08:00:00.123Z"), "KSEF-1");

        String text = cursor.encode();

        assertThat(InboxCursor.decode(text)).isEqualTo(cursor);
        assertThat(text).doesNotContain("tenant-a").matches("[A-Za-z0-9_-]+");
    }

    @Test
    void textThatIsNotACursorIsRefused() {
        assertThatThrownBy(() -> InboxCursor.decode("not a cursor!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InboxCursor.decode("djI")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InboxCursor.decode("a".repeat(600))).isInstanceOf(IllegalArgumentException.class);
    }
}
