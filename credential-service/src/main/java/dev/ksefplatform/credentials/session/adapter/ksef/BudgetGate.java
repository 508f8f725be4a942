package dev.ksefplatform.credentials.session.adapter.ksef;

import dev.ksefplatform.credentials.session.application.KsefBusy;
import dev.ksefplatform.credentials.session.application.KsefUnavailable;
import dev.ksefplatform.ksef.limits.RateBudgets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Takes a permit from the KSeF rate budget before a call is sent. A call over budget waits for its turn if that comes
 * within {@code maxWait}; otherwise nothing is sent and {@link KsefBusy} says when to come back.
 */
final class BudgetGate {

    /** Sleeps the calling thread; a test replaces it to move a clock instead. */
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final RateBudgets budgets;
    private final Clock clock;
    private final Duration maxWait;
    private final Pause pause;

    BudgetGate(RateBudgets budgets, Clock clock, Duration maxWait, Pause pause) {
        this.budgets = budgets;
        this.clock = clock;
        this.maxWait = maxWait;
        this.pause = pause;
    }

    /** @return the grant, for {@link #answered} */
    RateBudgets.Decision acquire(String contextNip, KsefRoutes.Route route) {
        Instant giveUpAt = clock.instant().plus(maxWait);
        String key = route.perIp() ? KsefRoutes.PER_IP : contextNip;
        RateBudgets.Decision decision = budgets.tryAcquire(key, route.group(), route.endpoint(), 1);
        while (!decision.granted()) {
            if (decision.retryAt().isAfter(giveUpAt)) {
                throw new KsefBusy("KSeF rate limit " + route.group().wireName() + " for context " + key
                        + " is used up; retry after " + decision.retryAt(), decision.retryAt());
            }
            sleepUntil(decision.retryAt());
            decision = budgets.tryAcquire(key, route.group(), route.endpoint(), 1);
        }
        return decision;
    }

    /** The call of {@code grant} was answered: it counts from now (see {@link RateBudgets#answered}). */
    void answered(String contextNip, KsefRoutes.Route route, RateBudgets.Decision grant) {
        budgets.answered(route.perIp() ? KsefRoutes.PER_IP : contextNip, route.group(), route.endpoint(), grant);
    }

    /** KSeF answered 429 although the budget allowed the call: another system shares the context (or the IP). */
    void rateLimited(String contextNip, KsefRoutes.Route route, Duration retryAfter) {
        budgets.rateLimited(route.perIp() ? KsefRoutes.PER_IP : contextNip, route.group(), route.endpoint(), retryAfter);
    }

    private void sleepUntil(Instant at) {
        try {
            Duration wait = Duration.between(clock.instant(), at).plusMillis(1);
            if (!wait.isNegative()) {
                pause.sleep(wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KsefUnavailable("interrupted while waiting for the KSeF rate budget", e);
        }
    }
}
