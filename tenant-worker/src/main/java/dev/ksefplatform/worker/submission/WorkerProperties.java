package dev.ksefplatform.worker.submission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The worker's own settings ({@code worker.*}). */
@ConfigurationProperties("worker")
public record WorkerProperties(@DefaultValue Services services, @DefaultValue Retry retry, @DefaultValue Ksef ksef,
                               @DefaultValue Lanes lanes) {

    public record Services(@DefaultValue CredentialService credentialService) {
    }

    /** The caller token this worker presents to credential-service, and how long a lease may take. */
    public record CredentialService(@DefaultValue("local-tenant-worker-token") String token,
                                    @DefaultValue("10s") Duration timeout) {

        @Override
        public String toString() {
            return "CredentialService[token=***, timeout=" + timeout + "]";
        }
    }

    /** Redelivery of a transiently failing command, in its tenant's lane, before it is dead-lettered. */
    public record Retry(@DefaultValue("5") int maxAttempts, @DefaultValue("1s") Duration initialInterval,
                        @DefaultValue("2.0") double multiplier, @DefaultValue("30s") Duration maxInterval,
                        @DefaultValue("60s") Duration maxRetryAfter) {
    }

    public record Ksef(@DefaultValue("30s") Duration requestTimeout, @DefaultValue("120s") Duration statusTimeout) {
    }

    /**
     * The parallel consumer of commands: how many commands run at once (one lane per tenant key), how
     * often the transaction with their events and offsets commits, and how long closing waits.
     */
    public record Lanes(@DefaultValue("16") int maxConcurrency, @DefaultValue("100ms") Duration commitInterval,
                        @DefaultValue("30s") Duration drainTimeout) {
    }
}
