package dev.ksefplatform.worker.submission.adapter.kafka;

import dev.ksefplatform.worker.submission.application.TransientFailure;
import java.time.Duration;
import org.springframework.kafka.listener.BackOffHandler;
import org.springframework.kafka.listener.ListenerUtils;
import org.springframework.kafka.listener.MessageListenerContainer;

/** Waits the backoff's interval, or longer when KSeF asked for it with Retry-After (capped). */
public class RetryAfterBackOffHandler implements BackOffHandler {

    private final Duration maxWait;

    public RetryAfterBackOffHandler(Duration maxWait) {
        this.maxWait = maxWait;
    }

    @Override
    public void onNextBackOff(MessageListenerContainer container, Exception exception, long nextBackOff) {
        try {
            ListenerUtils.stoppableSleep(container, waitMillis(exception, nextBackOff));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    long waitMillis(Exception exception, long nextBackOff) {
        long retryAfter = retryAfter(exception).toMillis();
        return Math.min(Math.max(nextBackOff, retryAfter), maxWait.toMillis());
    }

    private static Duration retryAfter(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof TransientFailure failure) {
                return failure.retryAfter().orElse(Duration.ZERO);
            }
        }
        return Duration.ZERO;
    }
}
