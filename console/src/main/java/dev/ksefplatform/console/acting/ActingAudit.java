package dev.ksefplatform.console.acting;

import dev.ksefplatform.console.commandapi.CommandApi;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * An operator's "act for this tenant" start and end as audit rows of the tenant: command-api records each as an event
 * (CONTRACTS.md, {@code POST /admin/v1/tenants/{tenantId}/acting}). Acting starts only once its start is recorded, so
 * no operator acts for a tenant unaudited; an end is recorded after the session stopped acting (ending never waits).
 */
@Component
public final class ActingAudit {

    private final CommandApi commandApi;

    ActingAudit(CommandApi commandApi) {
        this.commandApi = commandApi;
    }

    public Mono<Void> started(String operatorId, String tenantId) {
        return record(operatorId, tenantId, "start");
    }

    public Mono<Void> ended(String operatorId, String tenantId) {
        return record(operatorId, tenantId, "end");
    }

    private Mono<Void> record(String operatorId, String tenantId, String action) {
        return commandApi.operatorPost("/admin/v1/tenants/" + tenantId + "/acting",
                Map.of("action", action, "operatorId", operatorId)).then();
    }
}
