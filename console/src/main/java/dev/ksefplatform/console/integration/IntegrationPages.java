package dev.ksefplatform.console.integration;

import dev.ksefplatform.console.certificate.CertificateRefused;
import dev.ksefplatform.console.certificate.CertificateUploads;
import dev.ksefplatform.console.commandapi.Caller;
import dev.ksefplatform.console.commandapi.CommandApi;
import dev.ksefplatform.console.commandapi.CommandApiRefused;
import dev.ksefplatform.console.web.Refusals;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
 * disables, enables and replaces the KSeF token or the certificate (a PKCS#12 file, checked before it is sent). Who may post is decided by the security configuration, not here.
 */
@Controller
class IntegrationPages {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Set<String> ACTIONS = Set.of("verify", "disable", "enable");
    private static final int MAX_TOKEN = 1000;

    private final CommandApi commandApi;
    private final CertificateUploads certificates;
    private final Refusals refusals;
    private final MessageSource messages;

    IntegrationPages(CommandApi commandApi, CertificateUploads certificates, Refusals refusals, MessageSource messages) {
        this.commandApi = commandApi;
        this.certificates = certificates;
        this.refusals = refusals;
        this.messages = messages;
    }

    @GetMapping("/integrations")
    Mono<String> list(Caller caller, @RequestParam(required = false) String done, Model model) {
        if (done != null && (ACTIONS.contains(done) || done.equals("secret") || done.equals("certificate"))) {
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

    /**
     * A new certificate (multipart, CSRF in its {@code _csrf} part): checked here as in the wizard, then passed on
     * once; a refusal is shown above the list, never with the password.
     */
    @PostMapping(path = "/integrations/{id}/certificate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<String> rotateCertificate(Caller caller, @PathVariable String id, ServerWebExchange exchange, Locale locale,
                                   Model model) {
        String path = "/api/v1/integrations/" + checked(id) + "/secret";
        return exchange.getMultipartData().flatMap(parts -> certificates.credential(caller, parts))
                .flatMap(credential -> commandApi.post(caller, path, Map.of("credential", credential)))
                .thenReturn("redirect:/integrations?done=certificate")
                .onErrorResume(CertificateRefused.class, refused -> refusedAt(caller, exchange, model,
                        messages.getMessage(refused.refusal().messageKey(), refused.refusal().argumentArray(), locale)))
                .onErrorResume(CommandApiRefused.class, refused -> refused.status() >= 500 ? Mono.error(refused)
                        : refusedAt(caller, exchange, model, refusals.text(refused, locale)));
    }

    private Mono<String> refusedAt(Caller caller, ServerWebExchange exchange, Model model, String why) {
        exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
        model.addAttribute("refusal", why);
        return list(caller, null, model);
    }

    private static String checked(String id) {
        if (!ID.matcher(id).matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return id;
    }
}
