package dev.ksefplatform.console.acting;

import dev.ksefplatform.console.commandapi.CommandApi;
import dev.ksefplatform.console.web.ActingFor;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * An operator's "act for this tenant" start and end as audit rows of the tenant: command-api records each as an event
 * (CONTRACTS.md, {@code POST /admin/v1/tenants/{tenantId}/acting}). Acting starts only once its start is recorded, so
 * no operator acts for a tenant unaudited; an end is recorded after the session stopped acting (ending never waits).
 */
@Component
public final class ActingAudit {

    private static final Logger log = LoggerFactory.getLogger(ActingAudit.class);

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

    /**
     * Ends the session's acting, if any, and records the end; never fails (a logout or an expiry does not wait on
     * command-api): an end it could not record is logged as a warning.
     */
    Mono<Void> endIn(WebSession session, String operatorId, String occasion) {
        ActingFor acting = ActingFor.in(session);
        if (acting == null) {
            return Mono.empty();
        }
        ActingFor.endIn(session);
        log.info("operator stops acting for tenant at {} operatorId={} tenantId={}", occasion, operatorId,
                acting.tenantId());
        return ended(operatorId, acting.tenantId()).onErrorResume(e -> {
            log.warn("the end of acting was not recorded operatorId={} tenantId={} cause={}", operatorId,
                    acting.tenantId(), e.toString());
            return Mono.empty();
        });
    }

    private Mono<Void> record(String operatorId, String tenantId, String action) {
        return commandApi.operatorPost("/admin/v1/tenants/" + tenantId + "/acting",
                Map.of("action", action, "operatorId", operatorId)).then();
    }
}
