package dev.ksefplatform.credentials.lease.application;

import reactor.core.publisher.Mono;

/** The audit trail of leases. */
public interface LeaseLog {

    Mono<Void> record(LeaseRecord record);
}
