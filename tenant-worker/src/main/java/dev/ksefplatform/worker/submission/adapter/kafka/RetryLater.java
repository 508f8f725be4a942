package dev.ksefplatform.worker.submission.adapter.kafka;

import io.confluent.parallelconsumer.PCRetriableException;

/** Tells the parallel consumer to try the command again after its {@link RetryDelay}; an expected outcome, not a bug. */
class RetryLater extends PCRetriableException {

    RetryLater(Throwable cause) {
        super(cause.getMessage(), cause);
    }
}
