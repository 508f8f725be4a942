package dev.ksefplatform.worker.submission.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.worker.submission.application.TransientFailure;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryDelayTest {

    private final RetryDelay delay = new RetryDelay(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30),
            Duration.ofSeconds(60));

    @Test
    void waitsAsLongAsKsefAskedWhenThatExceedsTheBackoff() {
        Throwable e = wrapped(new TransientFailure("429", Duration.ofSeconds(30), 429, null));

        assertThat(delay.after(1, e)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void keepsTheBackoffWhenItIsLongerThanRetryAfter() {
        Throwable e = wrapped(new TransientFailure("429", Duration.ofSeconds(2), 429, null));

        assertThat(delay.after(4, e)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void capsRetryAfterSoALaneDoesNotWaitForever() {
        Throwable e = wrapped(new TransientFailure("429", Duration.ofHours(1), 429, null));

        assertThat(delay.after(1, e)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void usesTheBackoffForFailuresWithoutRetryAfter() {
        assertThat(delay.after(2, wrapped(new IllegalStateException("boom")))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void backoffGrowsExponentiallyUpToItsMaximum() {
        assertThat(delay.after(1, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(delay.after(3, null)).isEqualTo(Duration.ofSeconds(4));
        assertThat(delay.after(10, null)).isEqualTo(Duration.ofSeconds(30));
    }

    // As the parallel consumer records it: its wrapper around our RetryLater around the failure.
    private static Throwable wrapped(RuntimeException cause) {
        return new RuntimeException("Error in user function", new RetryLater(cause));
    }
}
