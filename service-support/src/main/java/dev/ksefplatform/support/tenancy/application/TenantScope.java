package dev.ksefplatform.support.tenancy.application;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a tenant's read so that the database itself shows that tenant's rows only (row-level security), whatever
 * the queries' own filters say. The tenant is the one the caller authenticated (command-api, CONTRACTS §3).
 */
public interface TenantScope {

    <T> Mono<T> read(String tenantId, Mono<T> work);

    <T> Flux<T> readMany(String tenantId, Flux<T> work);
}
