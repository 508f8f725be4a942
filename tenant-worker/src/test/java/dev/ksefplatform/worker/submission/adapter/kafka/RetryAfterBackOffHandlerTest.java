package dev.ksefplatform.worker.submission.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.worker.submission.application.TransientFailure;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class RetryAfterBackOffHandlerTest {

    private final RetryAfterBackOffHandler handler = new RetryAfterBackOffHandler(Duration.ofSeconds(60));

    @Test
    void waitsAsLongAsKsefAskedWhenThatExceedsTheBackoff() {
        Exception e = wrapped(new TransientFailure("429", Duration.ofSeconds(30), 429, null));

        assertThat(handler.waitMillis(e, 1_000)).isEqualTo(30_000);
    }

    @Test
    void keepsTheBackoffWhenItIsLongerThanRetryAfter() {
        Exception e = wrapped(new TransientFailure("429", Duration.ofSeconds(2), 429, null));

        assertThat(handler.waitMillis(e, 8_000)).isEqualTo(8_000);
    }

    @Test
    void capsRetryAfterSoTheConsumerStaysInItsGroup() {
        Exception e = wrapped(new TransientFailure("429", Duration.ofHours(1), 429, null));

        assertThat(handler.waitMillis(e, 1_000)).isEqualTo(60_000);
    }

    @Test
    void usesTheBackoffForFailuresWithoutRetryAfter() {
        assertThat(handler.waitMillis(wrapped(new IllegalStateException("boom")), 2_000)).isEqualTo(2_000);
    }

    private static Exception wrapped(RuntimeException cause) {
        return new ListenerExecutionFailedException("listener failed", cause);
    }
}
