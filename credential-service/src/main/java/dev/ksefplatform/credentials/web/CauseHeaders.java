package dev.ksefplatform.credentials.web;

import dev.ksefplatform.credentials.integration.domain.Cause;
import dev.ksefplatform.credentials.integration.domain.InvalidRequest;
import org.springframework.http.HttpHeaders;

/**
 * Who a request acts for (CONTRACTS §credential-service): {@code X-Correlation-Id} and {@code X-Causation-Id} from any
 * caller; {@code X-Actor-Type}, {@code X-Actor-Id} and {@code X-Actor-On-Behalf-Of} from command-api (the person or
 * system behind the tenant's request) and from the admin caller (the operator). A malformed value is a 400, never
 * ignored.
 */
public final class CauseHeaders {

    public static final String CORRELATION_ID = "X-Correlation-Id";
    public static final String CAUSATION_ID = "X-Causation-Id";
    public static final String ACTOR_TYPE = "X-Actor-Type";
    public static final String ACTOR_ID = "X-Actor-Id";
    public static final String ON_BEHALF_OF = "X-Actor-On-Behalf-Of";

    private CauseHeaders() {
    }

    /** tenant-worker's request for one of its commands: actor {@code SYSTEM/tenant-worker}. */
    public static Cause ofWorker(HttpHeaders headers) {
        return Cause.worker(headers.getFirst(CORRELATION_ID), headers.getFirst(CAUSATION_ID));
    }

    /** command-api's request for {@code tenantId}: the actor it names (TENANT, STAFF or UPSTREAM), else the tenant. */
    public static Cause ofTenant(String tenantId, HttpHeaders headers) {
        String type = headers.getFirst(ACTOR_TYPE);
        if (type == null && headers.getFirst(ACTOR_ID) == null) {
            return cause("TENANT", tenantId, null, headers);
        }
        if ("SYSTEM".equals(type)) {
            throw new InvalidRequest(ACTOR_TYPE + " must be TENANT, STAFF or UPSTREAM");
        }
        String onBehalfOf = headers.getFirst(ON_BEHALF_OF);
        return cause(type, headers.getFirst(ACTOR_ID), "STAFF".equals(type) && onBehalfOf == null ? tenantId
                : onBehalfOf, headers);
    }

    /** An operator on the admin API: {@code STAFF} with the id it names, else {@code STAFF/admin}. */
    public static Cause ofAdmin(HttpHeaders headers) {
        String id = headers.getFirst(ACTOR_ID);
        return cause("STAFF", id == null ? "admin" : id, headers.getFirst(ON_BEHALF_OF), headers);
    }

    private static Cause cause(String type, String id, String onBehalfOf, HttpHeaders headers) {
        return new Cause(type, id, onBehalfOf, headers.getFirst(CORRELATION_ID), headers.getFirst(CAUSATION_ID));
    }
}
