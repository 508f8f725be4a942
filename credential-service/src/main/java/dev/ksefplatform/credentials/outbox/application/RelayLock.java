package dev.ksefplatform.credentials.outbox.application;

import reactor.core.publisher.Mono;

/** One relay at a time across instances: {@code work} runs only if the lock is free, else nothing happens. */
public interface RelayLock {

    <T> Mono<T> whileHolding(Mono<T> work);
}
