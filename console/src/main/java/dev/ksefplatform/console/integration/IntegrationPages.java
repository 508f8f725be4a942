package dev.ksefplatform.console.integration;

import dev.ksefplatform.console.commandapi.Caller;
import dev.ksefplatform.console.commandapi.CommandApi;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The tenant's KSeF integrations: status and what to do; a manager (or an operator acting for the tenant) verifies,
 * disables, enables and replaces the KSeF token. Who may post is decided by the security configuration, not here.
 */
@Controller
class IntegrationPages {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Set<String> ACTIONS = Set.of("verify", "disable", "enable");
    private static final int MAX_TOKEN = 1000;

    private final CommandApi commandApi;

    IntegrationPages(CommandApi commandApi) {
        this.commandApi = commandApi;
    }

    @GetMapping("/integrations")
    Mono<String> list(Caller caller, @RequestParam(required = false) String done, Model model) {
        if (done != null && (ACTIONS.contains(done) || done.equals("secret"))) {
            model.addAttribute("done", done);
        }
        return commandApi.get(caller, "/api/v1/integrations", new LinkedMultiValueMap<>())
                .doOnNext(page -> model.addAttribute("integrations", page.get("items")))
                .thenReturn("integrations");
    }

    @PostMapping("/integrations/{id}/{action:verify|disable|enable}")
    Mono<String> act(Caller caller, @PathVariable String id, @PathVariable String action) {
        return commandApi.post(caller, "/api/v1/integrations/" + checked(id) + "/" + action, null)
                .thenReturn("redirect:/integrations?done=" + action);
    }

    /** A new KSeF token: passed on once, never kept, logged or shown again. */
    @PostMapping("/integrations/{id}/secret")
    Mono<String> rotate(Caller caller, @PathVariable String id, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            String token = form.getFirst("ksefToken");
            if (token == null || token.isBlank() || token.length() > MAX_TOKEN) {
                return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "a KSeF token is required"));
            }
            Map<String, Object> body = Map.of("credential", Map.of("type", "KSEF_TOKEN", "ksefToken", token.strip()));
            return commandApi.post(caller, "/api/v1/integrations/" + checked(id) + "/secret", body);
        }).thenReturn("redirect:/integrations?done=secret");
    }

    private static String checked(String id) {
        if (!ID.matcher(id).matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return id;
    }
}
