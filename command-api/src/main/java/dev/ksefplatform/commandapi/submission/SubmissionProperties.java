package dev.ksefplatform.commandapi.submission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param environment    KSeF environment the gateway's commands target
 * @param maxBytes       largest invoice accepted (KSeF: 1 MB without attachments)
 * @param publishTimeout how long a request waits to queue its command for the broker (metadata, buffer space) before
 *                       leaving it to the outbox
 * @param outbox         the relay for commands recorded but not published
 * @param markEvery      how often acknowledged commands are marked published, in one batch
 * @param commandLinger  how long the commands' producer gathers records into one batch ({@code linger.ms})
 * @param inFlight       how many submissions the gateway holds at once, per tenant and in all
 * @param retention      how long accepted commands stay in the command log
 */
@ConfigurationProperties("commandapi.submission")
public record SubmissionProperties(@DefaultValue("TEST") String environment,
                                   @DefaultValue("1000000") int maxBytes,
                                   @DefaultValue("10s") Duration publishTimeout,
                                   @DefaultValue Outbox outbox,
                                   @DefaultValue("200ms") Duration markEvery,
                                   @DefaultValue("10ms") Duration commandLinger,
                                   @DefaultValue InFlight inFlight,
                                   @DefaultValue Retention retention) {

    /**
     * @param perTenant a tenant's submissions held at once; one more is answered 429
     * @param total     all tenants' submissions held at once; one more is answered 503
     */
    public record InFlight(@DefaultValue("128") int perTenant, @DefaultValue("2048") int total) {
    }

    /**
     * @param grace    age after which a received command is the relay's to publish
     * @param interval pause between relay runs
     */
    public record Outbox(@DefaultValue("30s") Duration grace,
                         @DefaultValue("5s") Duration interval,
                         @DefaultValue("60s") Duration claim,
                         @DefaultValue("100") int batchSize) {
    }

    /**
     * How long a published command the event log has shown stays in the command log after it was accepted (its
     * Idempotency-Key is remembered as long), how often the pruning looks, and how many rows one round deletes (a full
     * round is followed by the next at once). At least two days, like the worker's: a status poll, a list and an
     * Idempotency-Key retry all happen within hours of a command.
     */
    public record Retention(@DefaultValue("35d") Duration keep, @DefaultValue("1m") Duration tick,
                            @DefaultValue("1000") int batch) {

        public Retention {
            if (keep.compareTo(Duration.ofDays(2)) < 0) {
                throw new IllegalArgumentException("commandapi.submission.retention.keep must be at least 2 days, was "
                        + keep);
            }
            if (batch < 1) {
                throw new IllegalArgumentException("commandapi.submission.retention.batch must be positive, was " + batch);
            }
        }
    }
}
