package dev.ksefplatform.commandapi.audit.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** The shape of an audit page, for the OpenAPI document only (the body is audit-projector's, passed through). */
record AuditPageDoc(List<Item> items, @Schema(nullable = true) String nextCursor) {

    record Item(String eventId, String tenantId,
                @Schema(description = "wire name of the event, e.g. KsefCallRecorded") String eventType,
                @Schema(description = "the command or integration the event belongs to") String correlationId,
                String causationId, Instant occurredAt,
                @Schema(description = "the service that published it") String source,
                String operation,
                @Schema(description = "the taxpayer (context) NIP") String tenantNip,
                @Schema(description = "the NIP that authenticated at KSeF") String providerNip,
                Integer httpStatus, Long durationMillis, String error,
                @Schema(description = "the integration account that acted") String integrationId,
                @Schema(description = "KSeF's exception code, if it answered one") Integer ksefCode,
                @Schema(nullable = true) Actor actor,
                @Schema(nullable = true, description = "only on KsefCallRecorded rows") Call call) {
    }

    record Actor(@Schema(allowableValues = {"TENANT", "UPSTREAM", "STAFF", "SYSTEM"}) String type,
                 @Schema(description = "API key id, upstream system, operator or job") String id,
                 @Schema(description = "STAFF: the tenant the operator acted for; absent otherwise") String onBehalfOf) {
    }

    record Call(String method, @Schema(description = "KSeF's path template") String endpoint,
                @Schema(description = "calls in this row: a run of status polls of one session is one row") int calls,
                Instant firstCallAt, String sessionReferenceNumber) {
    }
}
