package dev.ksefplatform.credentials.session.adapter.ksef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.credentials.session.application.KsefBusy;
import dev.ksefplatform.ksef.limits.RateBudgets;
import dev.ksefplatform.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetGateTest {

    private static final KsefRoutes.Route TOKEN_STATUS = KsefRoutes.of("GET", "/v2/tokens/20261202-EC-0A1B2C3D4E-5F");
    private static final KsefRoutes.Route CHALLENGE = KsefRoutes.of("POST", "/v2/auth/challenge");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final List<Duration> pauses = new ArrayList<>();

    private BudgetGate gate(Duration maxWait) {
        return new BudgetGate(new RateBudgets(clock, Duration.ZERO), clock, maxWait, duration -> {
            pauses.add(duration);
            clock.advance(duration);
        });
    }

    @Test
    void aSlowAnswerCountsTheCallFromWhenItCameBackSoTheNextWaitsLonger() {
        BudgetGate gate = gate(Duration.ofSeconds(5));
        for (int i = 0; i < 10; i++) {
            RateBudgets.Decision grant = gate.acquire("5265877635", TOKEN_STATUS);
            clock.advance(Duration.ofMillis(60)); // each answered 60 ms later: the last one 600 ms after the first
            gate.answered("5265877635", TOKEN_STATUS, grant);
        }

        gate.acquire("5265877635", TOKEN_STATUS);

        // the first call counts from its answer (60 ms after it was taken): a second after that, not after it was taken
        assertThat(pauses).hasSize(1);
        assertThat(pauses.get(0)).isBetween(Duration.ofMillis(460), Duration.ofMillis(470));
    }

    @Test
    void aCallBeyondTheSecondWindowWaitsForItsTurnWhenThatIsSoon() {
        BudgetGate gate = gate(Duration.ofSeconds(5));
        for (int i = 0; i < 10; i++) {
            gate.acquire("5265877635", TOKEN_STATUS);
        }

        gate.acquire("5265877635", TOKEN_STATUS);

        assertThat(pauses).hasSize(1);
        assertThat(pauses.get(0)).isBetween(Duration.ofMillis(900), Duration.ofMillis(1010));
    }

    @Test
    void aCallBeyondTheMinuteWindowIsNotSentButToldWhenToComeBack() {
        BudgetGate gate = gate(Duration.ofSeconds(5));
        for (int i = 0; i < 30; i++) {
            gate.acquire("5265877635", TOKEN_STATUS);
            clock.advance(Duration.ofMillis(200));
        }
        Instant now = clock.instant();

        assertThatThrownBy(() -> gate.acquire("5265877635", TOKEN_STATUS))
                .isInstanceOfSatisfying(KsefBusy.class, busy -> assertThat(busy.retryAt())
                        .isAfter(now.plusSeconds(5)).isBeforeOrEqualTo(now.plusSeconds(60)));
        gate.acquire("7740001454", TOKEN_STATUS);
    }

    @Test
    void authenticationCallsShareOnePerIpBudgetAcrossContexts() {
        BudgetGate gate = gate(Duration.ZERO);
        for (int i = 0; i < 60; i++) {
            gate.acquire("context-" + i, CHALLENGE);
        }

        assertThatThrownBy(() -> gate.acquire("another-context", CHALLENGE)).isInstanceOf(KsefBusy.class);
    }

    @Test
    void aTooManyRequestsAnswerBlocksTheEndpointForItsRetryAfter() {
        BudgetGate gate = gate(Duration.ofSeconds(5));
        gate.acquire("5265877635", TOKEN_STATUS);
        gate.rateLimited("5265877635", TOKEN_STATUS, Duration.ofSeconds(30));

        assertThatThrownBy(() -> gate.acquire("5265877635", TOKEN_STATUS)).isInstanceOfSatisfying(KsefBusy.class,
                busy -> assertThat(busy.retryAt()).isAfterOrEqualTo(clock.instant().plusSeconds(29)));
        clock.advance(Duration.ofSeconds(31));
        gate.acquire("5265877635", TOKEN_STATUS);
    }
}
