package dev.ksefplatform.console.operator;

import dev.ksefplatform.console.acting.ActingAudit;
import dev.ksefplatform.console.commandapi.CommandApi;
import dev.ksefplatform.console.login.ConsoleUser;
import dev.ksefplatform.console.web.ActingFor;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Operators (the security configuration lets no one else in): every tenant, and acting for one — from then on, each
 * tenant page and action is the tenant's, with the operator named as {@code STAFF} at command-api, until it ends.
 */
@Controller
class OperatorPages {

    private static final Logger log = LoggerFactory.getLogger(OperatorPages.class);
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final CommandApi commandApi;
    private final ActingAudit actingAudit;

    OperatorPages(CommandApi commandApi, ActingAudit actingAudit) {
        this.commandApi = commandApi;
        this.actingAudit = actingAudit;
    }

    @GetMapping("/operator/tenants")
    Mono<String> tenants(@RequestParam(required = false) String q, Model model) {
        var query = new LinkedMultiValueMap<String, String>();
        if (q != null && !q.isBlank() && q.length() <= 100) {
            query.add("q", q.strip());
            model.addAttribute("q", q.strip());
        }
        return commandApi.operatorGet("/admin/v1/tenants", query)
                .doOnNext(page -> model.addAttribute("tenants", page.get("items")))
                .thenReturn("tenants");
    }

    /** Starts acting for a tenant command-api knows (its name is taken from there, never from the form). */
    @PostMapping("/operator/acting")
    Mono<String> act(@AuthenticationPrincipal ConsoleUser operator, ServerWebExchange exchange) {
        return exchange.getFormData().map(form -> checked(form.getFirst("tenantId")))
                .flatMap(tenantId -> tenant(tenantId).flatMap(tenant -> actingAudit.started(operator.personId(), tenantId)
                        .thenReturn(tenant)).zipWith(exchange.getSession(), (tenant, session) -> {
                    new ActingFor(tenantId, String.valueOf(tenant.get("name"))).keepIn(session);
                    log.info("operator acts for tenant operatorId={} tenantId={}", operator.personId(), tenantId);
                    return "redirect:/dashboard";
                }));
    }

    @PostMapping("/operator/acting/end")
    Mono<String> end(@AuthenticationPrincipal ConsoleUser operator, ServerWebExchange exchange) {
        return exchange.getSession().flatMap(session -> {
            ActingFor ended = ActingFor.in(session);
            ActingFor.endIn(session);
            log.info("operator stops acting for tenant operatorId={} tenantId={}", operator.personId(),
                    ended == null ? null : ended.tenantId());
            return (ended == null ? Mono.<Void>empty() : actingAudit.ended(operator.personId(), ended.tenantId()))
                    .thenReturn("redirect:/operator/tenants");
        });
    }

    @SuppressWarnings("unchecked")
    private Mono<Map<String, Object>> tenant(String tenantId) {
        var query = new LinkedMultiValueMap<String, String>();
        query.add("q", tenantId);
        return commandApi.operatorGet("/admin/v1/tenants", query)
                .flatMapIterable(page -> (List<Map<String, Object>>) page.get("items"))
                .filter(tenant -> tenantId.equals(tenant.get("tenantId")))
                .next()
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    private static String checked(String tenantId) {
        if (tenantId == null || !ID.matcher(tenantId).matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return tenantId;
    }
}
