package dev.ksefplatform.audit.traceability.application;

import dev.ksefplatform.audit.traceability.domain.IntegrationClaim;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/** Which tenant each integration account seen on the log belongs to. */
public interface IntegrationOwners {

    /** Records the claims; an account already known keeps its first owner. */
    Mono<Void> claimAll(List<IntegrationClaim> claims);

    /** The owning tenant of each of the accounts that is known. */
    Mono<Map<String, String>> ownersOf(List<String> integrationIds);
}
