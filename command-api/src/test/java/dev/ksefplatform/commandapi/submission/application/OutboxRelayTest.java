package dev.ksefplatform.commandapi.submission.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.commandapi.submission.domain.InvoiceSubmission;
import dev.ksefplatform.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class OutboxRelayTest {

    private static final Instant START = Instant.parse("2026-06-05T10:00:00Z");

    /**
     * Spring's reactive {@code @Scheduled} calls the method once and subscribes the same Mono at every run: a relay
     * that read the clock when the Mono was built would look for commands older than the application's start only.
     */
    @Test
    void readsTheClockAtEveryRunOfTheSameMono() {
        ClaimsRecorder commands = new ClaimsRecorder();
        MutableClock clock = new MutableClock(START);
        OutboxRelay relay = new OutboxRelay(commands, null, clock, Duration.ofSeconds(30), Duration.ofSeconds(60), 100);
        Mono<Long> run = relay.relay();

        run.block();
        clock.set(START.plus(Duration.ofMinutes(10)));
        run.block();

        assertThat(commands.before).containsExactly(START.minusSeconds(30), START.plus(Duration.ofMinutes(10)).minusSeconds(30));
    }

    private static final class ClaimsRecorder extends UnusedCommandLog {
        final List<Instant> before = new ArrayList<>();

        @Override
        public Flux<InvoiceSubmission> claimUnpublished(Instant before, Instant now, Instant claimedUntil, int limit) {
            this.before.add(before);
            return Flux.empty();
        }
    }
}
