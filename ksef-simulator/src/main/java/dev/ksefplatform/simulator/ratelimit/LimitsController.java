package dev.ksefplatform.simulator.ratelimit;

import dev.ksefplatform.simulator.auth.BearerTokens;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v2/rate-limits} (the official group values, TE = PRD) and {@code GET /v2/limits/context}. */
@RestController
public class LimitsController {

    private static final SessionLimits SESSION = new SessionLimits(1, 3, 10_000);

    /** What a simulator with its limits off enforces: nothing a client can reach (so clients pace by these). */
    private static final Limits LIFTED = new Limits(1_000_000, 1_000_000, 1_000_000);

    private final BearerTokens bearer;
    private final boolean enforced;

    public LimitsController(BearerTokens bearer, dev.ksefplatform.simulator.SimulatorProperties properties) {
        this.bearer = bearer;
        this.enforced = properties.rateLimits().enabled();
    }

    record SessionLimits(int maxInvoiceSizeInMB, int maxInvoiceWithAttachmentSizeInMB, int maxInvoices) {
    }

    record ContextLimits(SessionLimits onlineSession, SessionLimits batchSession) {
    }

    @GetMapping("/v2/rate-limits")
    public Map<String, Limits> rateLimits(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth) {
        bearer.caller(auth);
        Map<String, Limits> groups = RateLimitTable.groups();
        if (!enforced) {
            groups.replaceAll((group, limits) -> LIFTED);
        }
        return groups;
    }

    @GetMapping("/v2/limits/context")
    public ContextLimits contextLimits(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth) {
        bearer.caller(auth);
        return new ContextLimits(SESSION, SESSION);
    }
}
