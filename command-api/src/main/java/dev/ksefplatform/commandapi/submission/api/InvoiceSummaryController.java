package dev.ksefplatform.commandapi.submission.api;

import dev.ksefplatform.commandapi.submission.application.InvoiceSummaryQuery;
import dev.ksefplatform.commandapi.tenant.application.TenantAuthentication;
import dev.ksefplatform.commandapi.web.DayPeriod;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The tenant's submissions counted by status over a period of UTC days (the console's dashboard). */
@RestController
class InvoiceSummaryController {

    static final int MAX_DAYS = 92;

    private final TenantAuthentication authentication;
    private final InvoiceSummaryQuery summaries;

    InvoiceSummaryController(TenantAuthentication authentication, InvoiceSummaryQuery summaries) {
        this.authentication = authentication;
        this.summaries = summaries;
    }

    @GetMapping("/api/v1/invoices/summary")
    @Operation(summary = "Submissions counted by status, in total and per UTC day of createdAt, from the same list as "
            + "GET /api/v1/invoices (PENDING commands are not in it); complete=false when the period held more rows "
            + "than the bound (commandapi.submission.summary-max-rows) and only the newest were counted")
    @Parameter(name = "from", in = ParameterIn.QUERY, required = true, description = "first UTC day, yyyy-MM-dd")
    @Parameter(name = "to", in = ParameterIn.QUERY, required = true,
            description = "last UTC day, yyyy-MM-dd, at most " + MAX_DAYS + " days after from")
    Mono<Map<String, Object>> summary(@RequestHeader(name = InvoiceController.API_KEY, required = false) String apiKey,
                                      ServerHttpRequest request) {
        return authentication.authenticate(apiKey).flatMap(tenant -> Mono.fromCallable(() -> DayPeriod.of(request.getQueryParams(), MAX_DAYS))
                .flatMap(period -> summaries.summary(tenant, period.from(), period.to())));
    }
}
