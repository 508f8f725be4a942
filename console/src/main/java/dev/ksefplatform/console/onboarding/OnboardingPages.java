package dev.ksefplatform.console.onboarding;

import dev.ksefplatform.console.certificate.CertificateRefused;
import dev.ksefplatform.console.certificate.CertificateUploads;
import dev.ksefplatform.console.commandapi.Caller;
import dev.ksefplatform.console.commandapi.CommandApi;
import dev.ksefplatform.console.commandapi.CommandApiRefused;
import dev.ksefplatform.console.onboarding.IntegrationChoice.InvalidChoice;
import dev.ksefplatform.console.web.Refusals;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The onboarding wizard: (1) environment, permissions and how the platform logs in; (2) the credential — the tenant's
 * own KSeF token, its own certificate (a PKCS#12 file, checked here before it is sent), or the provider's credential
 * with the grant to give in KSeF; (3) the integration is registered
 * through command-api's self-service API and verified against KSeF at once, and the outcome says what to do next.
 */
@Controller
class OnboardingPages {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int MAX_TOKEN = 1000;

    private final CommandApi commandApi;
    private final OnboardingProperties properties;
    private final MessageSource messages;
    private final CertificateUploads certificates;
    private final Refusals refusals;

    OnboardingPages(CommandApi commandApi, OnboardingProperties properties, MessageSource messages,
                    CertificateUploads certificates, Refusals refusals) {
        this.commandApi = commandApi;
        this.properties = properties;
        this.messages = messages;
        this.certificates = certificates;
        this.refusals = refusals;
    }

    @GetMapping("/onboarding")
    String start(Caller caller, Model model) {
        model.addAttribute("environments", properties.environments());
        model.addAttribute("scopes", IntegrationChoice.SCOPES);
        return "onboarding-start";
    }

    @GetMapping("/onboarding/credential")
    String credential(Caller caller, ServerWebExchange exchange, Model model) {
        try {
            model.addAttribute("choice", IntegrationChoice.of(exchange.getRequest().getQueryParams(), properties.environments()));
            model.addAttribute("certificateMaxKb", certificates.maxSize().toKilobytes());
            return "onboarding-credential";
        } catch (InvalidChoice e) {
            exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
            model.addAttribute("choiceError", e.getMessage());
            return start(caller, model);
        }
    }

    /** Registers the integration and verifies it now; a refusal is shown on the credential step with its reason. */
    @PostMapping("/onboarding")
    Mono<String> register(Caller caller, ServerWebExchange exchange, Locale locale, Model model) {
        return exchange.getFormData().flatMap(form -> {
            IntegrationChoice choice = chosen(form);
            model.addAttribute("choice", choice);
            String token = form.getFirst("ksefToken");
            if (choice.kind().equals("CERTIFICATE")) {
                return refusedAt(exchange, model, HttpStatus.BAD_REQUEST,
                        messages.getMessage("certificate.none-chosen", null, locale));
            }
            if (choice.kind().equals("KSEF_TOKEN") && (token == null || token.isBlank() || token.length() > MAX_TOKEN)) {
                return refusedAt(exchange, model, HttpStatus.BAD_REQUEST,
                        messages.getMessage("onboarding.token-required", null, locale));
            }
            return registered(caller, choice.body(token == null ? null : token.strip()), exchange, locale, model);
        });
    }

    /**
     * The certificate path (multipart, CSRF in the {@code _csrf} part): the PKCS#12 file is checked here first, so
     * a wrong password or an expired certificate is said at once; the password is never rendered back.
     */
    @PostMapping(path = "/onboarding/certificate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<String> registerCertificate(Caller caller, ServerWebExchange exchange, Locale locale, Model model) {
        return exchange.getMultipartData().flatMap(parts -> {
            IntegrationChoice choice = chosen(FormFields.of(parts));
            model.addAttribute("choice", choice);
            if (!choice.kind().equals("CERTIFICATE")) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "onboarding.choice.kind");
            }
            return certificates.credential(caller, parts)
                    .flatMap(credential -> registered(caller, choice.withCredential(credential), exchange, locale, model))
                    .onErrorResume(CertificateRefused.class, refused -> refusedAt(exchange, model, HttpStatus.BAD_REQUEST,
                            messages.getMessage(refused.refusal().messageKey(), refused.refusal().argumentArray(), locale)));
        });
    }

    private Mono<String> registered(Caller caller, Map<String, Object> body, ServerWebExchange exchange, Locale locale,
                                    Model model) {
        return commandApi.post(caller, "/api/v1/integrations", body)
                .flatMap(created -> verify(caller, String.valueOf(created.get("integrationId"))))
                .onErrorResume(CommandApiRefused.class, refused -> refused.status() >= 500 ? Mono.error(refused)
                        : refusedAt(exchange, model, HttpStatus.valueOf(refused.status()), refusals.text(refused, locale)));
    }

    @PostMapping("/onboarding/{id}/verify")
    Mono<String> verifyAgain(Caller caller, @PathVariable String id) {
        return verify(caller, checked(id));
    }

    @GetMapping("/onboarding/{id}")
    Mono<String> outcome(Caller caller, @PathVariable String id,
                         @RequestParam(required = false) String verify, Model model) {
        model.addAttribute("verifyFailed", "failed".equals(verify));
        return commandApi.get(caller, "/api/v1/integrations/" + checked(id), new LinkedMultiValueMap<>())
                .doOnNext(integration -> model.addAttribute("integration", integration))
                .thenReturn("onboarding-outcome");
    }

    /** The integration exists once registered: a verification that cannot run now leaves it for "verify again". */
    private Mono<String> verify(Caller caller, String id) {
        return commandApi.post(caller, "/api/v1/integrations/" + id + "/verify", null)
                .thenReturn("redirect:/onboarding/" + id)
                .onErrorResume(CommandApiRefused.class, refused -> Mono.just("redirect:/onboarding/" + id + "?verify=failed"));
    }

    private Mono<String> refusedAt(ServerWebExchange exchange, Model model, HttpStatus status, String why) {
        exchange.getResponse().setStatusCode(status);
        model.addAttribute("certificateMaxKb", certificates.maxSize().toKilobytes());
        model.addAttribute("refusal", why);
        return Mono.just("onboarding-credential");
    }

    private IntegrationChoice chosen(MultiValueMap<String, String> form) {
        try {
            return IntegrationChoice.of(form, properties.environments());
        } catch (InvalidChoice e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    private static String checked(String id) {
        if (!ID.matcher(id).matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return id;
    }
}
