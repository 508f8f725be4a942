package dev.ksefplatform.console.webhook;

import dev.ksefplatform.console.commandapi.Caller;
import dev.ksefplatform.console.commandapi.CommandApi;
import dev.ksefplatform.console.commandapi.CommandApiRefused;
import dev.ksefplatform.console.web.Refusals;
import java.util.Locale;
import java.util.Map;
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
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * The tenant's webhooks: URL, last delivery; a manager (or acting operator) registers one, rotates its signing secret
 * (optionally moving it to a new URL) or removes it. A new secret is shown once, on the page the action leads to.
 */
@Controller
class WebhookPages {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int MAX_URL = 2000;

    private final CommandApi commandApi;
    private final Refusals refusals;

    WebhookPages(CommandApi commandApi, Refusals refusals) {
        this.commandApi = commandApi;
        this.refusals = refusals;
    }

    @GetMapping("/webhooks")
    Mono<String> list(Caller caller, @RequestParam(required = false) String done, Model model) {
        if ("removed".equals(done)) {
            model.addAttribute("done", done);
        }
        return commandApi.getList(caller, "/api/v1/webhooks").doOnNext(webhooks -> model.addAttribute("webhooks", webhooks))
                .thenReturn("webhooks");
    }

    /** The secret of the webhook just registered or rotated: shown by this page once, then gone from the session. */
    @GetMapping("/webhooks/secret")
    Mono<String> secret(Caller caller, WebSession session, Model model) {
        model.addAttribute("created", NewSecret.takeFrom(session));
        return Mono.just("webhook-secret");
    }

    @PostMapping("/webhooks")
    Mono<String> register(Caller caller, ServerWebExchange exchange, Locale locale, Model model) {
        return url(exchange, true).flatMap(url -> shownOnce(caller, exchange, locale,
                commandApi.post(caller, "/api/v1/webhooks", Map.of("url", url)), model));
    }

    @PostMapping("/webhooks/{id}/rotate")
    Mono<String> rotate(Caller caller, @PathVariable String id, ServerWebExchange exchange, Locale locale,
                        Model model) {
        return url(exchange, false).map(url -> url.isEmpty() ? Map.<String, Object>of() : Map.<String, Object>of("url", url))
                .flatMap(body -> shownOnce(caller, exchange, locale,
                        commandApi.post(caller, "/api/v1/webhooks/" + checked(id) + "/rotate", body), model));
    }

    @PostMapping("/webhooks/{id}/remove")
    Mono<String> remove(Caller caller, @PathVariable String id) {
        return commandApi.delete(caller, "/api/v1/webhooks/" + checked(id)).thenReturn("redirect:/webhooks?done=removed");
    }

    /** command-api's refusal (a URL not HTTPS, too many webhooks, deliveries pending) is shown on the list page. */
    private Mono<String> shownOnce(Caller caller, ServerWebExchange exchange, Locale locale,
                                   Mono<Map<String, Object>> created, Model model) {
        return created.flatMap(answer -> exchange.getSession().doOnNext(NewSecret.of(answer)::keepIn))
                .thenReturn("redirect:/webhooks/secret")
                .onErrorResume(CommandApiRefused.class, refused -> {
                    if (refused.status() != 400 && refused.status() != 409) {
                        return Mono.error(refused);
                    }
                    exchange.getResponse().setStatusCode(HttpStatus.valueOf(refused.status()));
                    model.addAttribute("refusal", refusals.text(refused, locale));
                    return list(caller, null, model);
                });
    }

    private static Mono<String> url(ServerWebExchange exchange, boolean required) {
        return exchange.getFormData().map(form -> {
            String url = form.getFirst("url") == null ? "" : form.getFirst("url").strip();
            if ((required && url.isEmpty()) || url.length() > MAX_URL) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "an https URL is required");
            }
            return url;
        });
    }

    private static String checked(String id) {
        if (!ID.matcher(id).matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return id;
    }
}
