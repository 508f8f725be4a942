package dev.ksefplatform.sync.schedule.application;

import reactor.core.publisher.Mono;

/**
 * Lets one instance at a time schedule. The lock is taken at the start of a transaction and held until it ends;
 * it is released when its holder dies (its connection closes), so no lease has to expire.
 */
public interface SchedulerLock {

    /** Runs {@code work} in one transaction holding the lock; empty, without running it, when another instance holds it. */
    <T> Mono<T> whileHolding(Mono<T> work);
}
