package dev.ksefplatform.commandapi.submission.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InPlaceSendsTest {

    @Test
    void theFirstSendMovesOffTheEventLoopItMayWaitForMetadata() {
        assertThat(new InPlaceSends(1000).allowed(10)).isFalse();
    }

    @Test
    void afterAnAcknowledgementSendsRunInPlaceWhileTheyFillAtMostHalfTheBuffer() {
        InPlaceSends sends = new InPlaceSends(1000);
        sends.started(100);
        sends.completed(100, true);

        sends.started(400);
        assertThat(sends.allowed(100)).isTrue();
        assertThat(sends.allowed(101)).isFalse();
        sends.completed(400, true);
        assertThat(sends.allowed(500)).isTrue();
    }

    /** The broker may be away: its buffer could fill, so sends wait off the event loop until one is acknowledged. */
    @Test
    void aFailedSendMovesTheNextOnesOffTheEventLoopUntilOneIsAcknowledged() {
        InPlaceSends sends = new InPlaceSends(1000);
        sends.started(10);
        sends.completed(10, true);
        sends.started(10);
        sends.completed(10, false);

        assertThat(sends.allowed(10)).isFalse();
        sends.started(10);
        sends.completed(10, true);
        assertThat(sends.allowed(10)).isTrue();
    }
}
