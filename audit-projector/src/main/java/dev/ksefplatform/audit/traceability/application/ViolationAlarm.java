package dev.ksefplatform.audit.traceability.application;

import dev.ksefplatform.audit.traceability.domain.TenantViolation;
import java.util.List;
import reactor.core.publisher.Mono;

/** What an alert fires on: counts violations once the transaction that recorded them commits. */
public interface ViolationAlarm {

    Mono<Void> raiseOnCommit(List<TenantViolation> recorded);
}
