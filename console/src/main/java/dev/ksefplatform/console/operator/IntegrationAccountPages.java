package dev.ksefplatform.console.operator;

import dev.ksefplatform.console.commandapi.CommandApi;
import dev.ksefplatform.console.commandapi.CommandApiRefused;
import dev.ksefplatform.console.login.ConsoleUser;
import dev.ksefplatform.console.onboarding.OnboardingProperties;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Every tenant's integration accounts for operators (command-api {@code GET /admin/v1/integrations}), filtered by
 * tenant, kind, status and environment, with quick actions (verify, disable, enable) the operator does in their own
 * name ({@code X-Operator-Id}): no acting for the tenant is needed, and the audit log names the operator.
 */
@Controller
class IntegrationAccountPages {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final CommandApi commandApi;
    private final OnboardingProperties environments;

    IntegrationAccountPages(CommandApi commandApi, OnboardingProperties environments) {
        this.commandApi = commandApi;
        this.environments = environments;
    }

    @GetMapping("/operator/integrations")
    Mono<String> list(@RequestParam Map<String, String> given, Model model) {
        IntegrationFilterForm filter = IntegrationFilterForm.of(given, environments.environments());
        model.addAttribute("filter", filter);
        model.addAttribute("kinds", IntegrationFilterForm.KINDS);
        model.addAttribute("statuses", IntegrationFilterForm.STATUSES);
        model.addAttribute("environments", environments.environments());
        model.addAttribute("outcome", QuickActionOutcome.of(given));
        return commandApi.operatorGet("/admin/v1/integrations", filter.query())
                .doOnNext(page -> model.addAttribute("page", page))
                .thenReturn("operator-integrations");
    }

    /** The outcome goes back to the same filtered list: the row shows the new status, the notice what happened. */
    @PostMapping("/operator/integrations/{id}/{action:verify|disable|enable}")
    Mono<String> act(@AuthenticationPrincipal ConsoleUser operator, @PathVariable String id,
                     @PathVariable String action, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            IntegrationFilterForm filter = IntegrationFilterForm.of(form.toSingleValueMap(), environments.environments());
            return commandApi.operatorPost("/admin/v1/integrations/" + checked(id) + "/" + action, operator.personId(),
                            null)
                    .map(done -> back(filter, Map.of("done", action, "integration", id)))
                    .onErrorResume(CommandApiRefused.class, refused -> Mono.just(back(filter,
                            Map.of("refused", refused.problem().isEmpty() ? "unknown" : refused.problem(),
                                    "integration", id))));
        });
    }

    private static String back(IntegrationFilterForm filter, Map<String, String> outcome) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/operator/integrations");
        filter.values().forEach(uri::queryParam);
        new java.util.TreeMap<>(outcome).forEach(uri::queryParam);
        return "redirect:" + uri.encode().build().toUriString();
    }

    private static String checked(String id) {
        if (!ID.matcher(id).matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return id;
    }
}
