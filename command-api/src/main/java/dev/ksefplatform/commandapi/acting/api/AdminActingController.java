package dev.ksefplatform.commandapi.acting.api;

import dev.ksefplatform.commandapi.acting.application.StaffActingLog;
import dev.ksefplatform.commandapi.acting.domain.StaffActing;
import dev.ksefplatform.commandapi.security.BearerCallers;
import dev.ksefplatform.commandapi.web.InvalidQueryParameter;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The console records that an operator starts or ends acting for a tenant ({@code {"action":"start"|"end",
 * "operatorId"}}): an audited event of that tenant. The console's token only: it alone knows its operators.
 */
@RestController
class AdminActingController {

    private static final Pattern PERSON_ID = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
    private static final Pattern TENANT_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final BearerCallers callers;
    private final StaffActingLog log;

    AdminActingController(BearerCallers callers, StaffActingLog log) {
        this.callers = callers;
        this.log = log;
    }

    @PostMapping("/admin/v1/tenants/{tenantId}/acting")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Recorded> record(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                          @PathVariable String tenantId, @RequestBody Map<String, Object> body) {
        callers.require(authorization, "console");
        String operatorId = String.valueOf(body.get("operatorId"));
        if (!PERSON_ID.matcher(operatorId).matches()) {
            throw new InvalidQueryParameter("operatorId", "must be the operator's person id ([A-Za-z0-9._@-]{1,100})");
        }
        if (!TENANT_ID.matcher(tenantId).matches()) {
            throw new InvalidQueryParameter("tenantId", "must be a tenant id from GET /admin/v1/tenants");
        }
        return log.record(tenantId, operatorId, phase(body.get("action"))).map(Recorded::of);
    }

    private static StaffActing.Phase phase(Object action) {
        return switch (String.valueOf(action)) {
            case "start" -> StaffActing.Phase.START;
            case "end" -> StaffActing.Phase.END;
            default -> throw new InvalidQueryParameter("action", "must be start or end");
        };
    }

    record Recorded(String eventId, String tenantId, String operatorId, String action, Instant occurredAt) {

        static Recorded of(StaffActing acting) {
            return new Recorded(acting.eventId(), acting.tenantId(), acting.operatorId(),
                    acting.phase().name().toLowerCase(Locale.ROOT), acting.at());
        }
    }
}
