package dev.ksefplatform.worker.engine.application;

import dev.ksefplatform.worker.engine.domain.Budgets.Capacity;
import java.time.Duration;

/**
 * How long a lane waits after consecutive failures of one kind: exponential from {@code initial} to {@code max}.
 * Waiting has no end: a command is never failed because KSeF, or its permission, is unavailable for a while.
 */
public record RetrySchedule(Duration initial, Duration max, Duration firstPoll, Duration maxPoll) {

    public Duration after(int failures) {
        return grow(initial, max, failures);
    }

    /** The wait before the {@code polls}-th verdict poll of one invoice (0 = the first, shortly after the send). */
    public Duration poll(int polls) {
        return grow(firstPoll, maxPoll, polls + 1);
    }

    /**
     * The same, for a lane with {@code awaiting} invoices waiting for verdicts: its first {@value #EARLY_POLLS} polls
     * of an invoice come at most every 3 s per awaiting invoice. A tenant sending one invoice sees its verdict within
     * seconds of KSeF deciding it (doubling to 30 s saw a verdict ready at 9.4 s only at 18.9 s), while the lane as a whole
     * polls at most once per 3 s: KSeF's {@code invoiceStatus} budget of 1,200 an hour lasts.
     */
    public Duration poll(int polls, int awaiting) {
        Duration grown = poll(polls);
        if (polls >= EARLY_POLLS) {
            return grown;
        }
        Duration cap = SUSTAINABLE_POLL.multipliedBy(Math.max(1, awaiting));
        return grown.compareTo(cap) > 0 ? cap : grown;
    }

    /**
     * The same, flatter while it is cheap: a lane awaiting at most {@value #FLAT_AWAITING} verdicts, with more than half
     * of its {@code invoiceStatus} minute and hour left, asks its first {@value #FLAT_POLLS} polls of an invoice every
     * {@code firstPoll}. A verdict KSeF gives after 1 s instead of 0.1 s (busy with another taxpayer's batches) is seen
     * by 1.2 s, not at 2.1 s. It costs at most {@value #FLAT_POLLS} calls per invoice, and never the second half of a
     * window: past it, the doubling schedule above.
     */
    public Duration poll(int polls, int awaiting, Capacity invoiceStatus) {
        if (polls < FLAT_POLLS && awaiting <= FLAT_AWAITING && ample(invoiceStatus)) {
            return firstPoll;
        }
        return poll(polls, awaiting);
    }

    private static boolean ample(Capacity budget) {
        return 2L * budget.perMinute() > budget.limitPerMinute() && 2L * budget.perHour() > budget.limitPerHour();
    }

    static final int FLAT_POLLS = 10;
    static final int FLAT_AWAITING = 2;
    static final int EARLY_POLLS = 20;
    private static final Duration SUSTAINABLE_POLL = Duration.ofSeconds(3);

    private static Duration grow(Duration initial, Duration max, int times) {
        long millis = initial.toMillis() << Math.min(Math.max(times - 1, 0), 20);
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
