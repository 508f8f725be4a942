package dev.ksefplatform.sync.schedule.application;

import dev.ksefplatform.sync.schedule.domain.SyncCandidate;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The tenants whose inbox is read (ACTIVE with InvoiceRead), per subject type, with their runs and high-water marks. */
public interface SyncCandidates {

    Flux<SyncCandidate> all(List<String> subjectTypes);

    /** Empty when the tenant has no integration whose inbox is read. */
    Mono<SyncCandidate> of(String tenantId, String subjectType);
}
