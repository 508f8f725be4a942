package dev.ksefplatform.commandapi.budget.application;

import java.util.Map;
import reactor.core.publisher.Mono;

/** tenant-worker's snapshot of a context's KSeF budget (CONTRACTS §4), passed through as the worker wrote it. */
public interface KsefBudgets {

    /** The snapshot; empty when no worker has one for the context yet. */
    Mono<Map<String, Object>> of(String environment, String nip);
}
