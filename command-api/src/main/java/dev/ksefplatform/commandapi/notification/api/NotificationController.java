package dev.ksefplatform.commandapi.notification.api;

import dev.ksefplatform.commandapi.notification.application.NotificationFeed;
import dev.ksefplatform.commandapi.tenant.application.TenantAuthentication;
import dev.ksefplatform.commandapi.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The tenant's notifications, newest first: what happened and what to do. */
@RestController
class NotificationController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final Set<String> NAMES = new LinkedHashSet<>(List.of("limit", "cursor"));

    private final TenantAuthentication authentication;
    private final NotificationFeed feed;

    NotificationController(TenantAuthentication authentication, NotificationFeed feed) {
        this.authentication = authentication;
        this.feed = feed;
    }

    @GetMapping("/api/v1/notifications")
    @Operation(summary = "Your notifications, newest first: integration status changes, held and resumed work, "
            + "failed inbox syncs, rejected invoices; each says what happened and what to do")
    @Parameter(name = "limit", in = ParameterIn.QUERY,
            schema = @Schema(type = "integer", minimum = "1", maximum = "500", defaultValue = "50"))
    @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "nextCursor of the previous page")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = NotificationPageDoc.class)))
    Mono<Map<String, Object>> list(@RequestHeader(name = "X-API-Key", required = false) String apiKey,
                                   ServerHttpRequest request) {
        return authentication.authenticate(apiKey)
                .flatMap(tenant -> feed.page(tenant.id(), forwarded(request.getQueryParams())));
    }

    static Map<String, String> forwarded(Map<String, List<String>> query) {
        QueryParameters given = QueryParameters.of(query, NAMES);
        Map<String, String> forwarded = new LinkedHashMap<>();
        forwarded.put("limit", Integer.toString(given.limit(DEFAULT_LIMIT, MAX_LIMIT)));
        String cursor = given.cursor();
        if (cursor != null) {
            forwarded.put("cursor", cursor);
        }
        return forwarded;
    }
}
