package dev.ksefplatform.commandapi.integration.api;

import dev.ksefplatform.commandapi.integration.application.IntegrationNotFound;
import dev.ksefplatform.commandapi.integration.application.OperatorIntegrations;
import dev.ksefplatform.commandapi.integration.application.VaultAdmin;
import dev.ksefplatform.commandapi.security.BearerCallers;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Every tenant's integrations for operators (the admin, and the console's operator screens), and quick actions. */
@RestController
class AdminIntegrationController {

    static final String PATH = "/admin/v1/integrations";
    private static final Set<String> CALLERS = Set.of("admin", "console");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final BearerCallers callers;
    private final OperatorIntegrations integrations;

    AdminIntegrationController(BearerCallers callers, OperatorIntegrations integrations) {
        this.callers = callers;
        this.integrations = integrations;
    }

    @GetMapping(PATH)
    @Operation(summary = "Every tenant's integration accounts with the tenant's name and NIP, filtered by tenantId, "
            + "status, kind (KSEF_TOKEN, CERTIFICATE, PROVIDER_CREDENTIAL) and environment; page (from 0) and size "
            + "(1-100, default 50); admin or console bearer token")
    Mono<OperatorIntegrationResponse.Page> list(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
                                                String authorization, ServerHttpRequest request) {
        callers.requireAny(authorization, CALLERS);
        var filter = OperatorParameters.filter(request.getQueryParams());
        return integrations.list(filter).map(items -> new OperatorIntegrationResponse.Page(
                items.stream().map(OperatorIntegrationResponse::of).toList(), filter.page(), filter.size()));
    }

    @PostMapping(PATH + "/{id}/{action:verify|disable|enable}")
    @Operation(summary = "Verify (log in to KSeF now), disable or enable any tenant's integration; X-Operator-Id "
            + "names the operator, the actor of the audit log's entry; admin or console bearer token")
    Mono<OperatorIntegrationResponse> act(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
                                          String authorization,
                                          @RequestHeader(name = OperatorParameters.OPERATOR_ID, required = false)
                                          String operatorId,
                                          @PathVariable String id, @PathVariable String action) {
        callers.requireAny(authorization, CALLERS);
        String operator = OperatorParameters.operator(operatorId);
        return integrations.act(checked(id),
                        VaultAdmin.QuickAction.valueOf(action.toUpperCase(Locale.ROOT)), operator)
                .map(OperatorIntegrationResponse::of);
    }

    /** A malformed id is not found, as an unknown one: the vault is not asked. */
    private static String checked(String id) {
        if (!UUID.matcher(id).matches()) {
            throw new IntegrationNotFound(id);
        }
        return id;
    }
}
