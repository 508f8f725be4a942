package dev.ksefplatform.commandapi.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Every tenant operation's problem+json answers, in one place rather than on each method: 401 always, 400 where it
 * takes parameters or a body, 404 under a path variable, 503 always (the database; where it reads the read model,
 * that too), and what is particular
 * to an operation (409 of "sync now").
 */
final class OpenApiProblems implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    private static final Map<String, String> PARTICULAR = Map.of(
            "post /api/v1/inbox/sync",
            "409:inbox-sync-running (with commandId) or inbox-sync-unavailable (with integrationStatus)",
            "post /api/v1/integrations", "409:nip-already-registered: your NIP has a live integration in that environment",
            "post /api/v1/integrations/{id}/verify", "409:illegal-status-transition: DISABLED or REVOKED",
            "post /api/v1/integrations/{id}/secret", "409:illegal-status-transition: REVOKED",
            "post /api/v1/integrations/{id}/disable", "409:illegal-status-transition",
            "post /api/v1/integrations/{id}/enable", "409:illegal-status-transition: only a DISABLED one",
            "post /api/v1/invoices", "403:seller-not-tenant;408:request-timeout: the body stopped arriving, nothing taken;"
                    + "413:payload-too-large;415:unsupported-media-type;422:idempotency-key-reused;"
                    + "429:too-many-submissions-in-flight: the tenant's bound (Retry-After), nothing taken");

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSchemas(PROBLEM, problemSchema());
        openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.readOperationsMap().forEach((method, operation) -> document(method.name().toLowerCase() + " " + path, operation));
            }
        });
    }

    private static boolean hasCursor(Operation operation) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(parameter -> "cursor".equals(parameter.getName()));
    }

    private static void document(String key, Operation operation) {
        add(operation, "401", "unauthorized: X-API-Key missing or unknown");
        add(operation, "400", "invalid-request (with parameter) and other refusals of the input");
        if (key.contains("{")) {
            add(operation, "404", "not found, or another tenant's (the same body)");
        } else if (hasCursor(operation)) {
            add(operation, "404", "cursor-not-found: a cursor of another tenant's list (a malformed one is 400)");
        }
        if (key.contains(" /api/v1/integrations")) {
            add(operation, "503", "credential-service-unavailable, or (verify) ksef-unavailable / ksef-rate-budget: "
                    + "try again shortly");
        } else if (!key.equals("post /api/v1/invoices")) {
            add(operation, "503", "read-model-unavailable or service-unavailable (database unreachable): try again shortly");
        }
        if (key.equals("post /api/v1/invoices")) {
            add(operation, "503", "service-unavailable (the database is unreachable or restarting) or gateway-busy (the"
                    + " gateway holds as many submissions as it takes, nothing taken): retry after Retry-After seconds");
        }
        add(operation, "503", "service-unavailable: the database is unreachable or restarting; retry after Retry-After seconds");
        String particular = PARTICULAR.get(key);
        if (particular != null) {
            for (String response : particular.split(";")) {
                String[] codeAndText = response.split(":", 2);
                add(operation, codeAndText[0], codeAndText[1]);
            }
        }
    }

    private static void add(Operation operation, String status, String description) {
        Content content = new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
        operation.getResponses().putIfAbsent(status, new ApiResponse().description(description).content(content));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("RFC 7807 problem; type is https://ksef-platform.dev/problems/<slug>")
                .addProperty("type", new StringSchema()).addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema()).addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema());
    }
}
