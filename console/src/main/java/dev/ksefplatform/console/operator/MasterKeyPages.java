package dev.ksefplatform.console.operator;

import dev.ksefplatform.console.commandapi.CommandApi;
import dev.ksefplatform.console.commandapi.CommandApiRefused;
import dev.ksefplatform.console.login.ConsoleUser;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * Master-key rotation for operators (command-api {@code /admin/v1/vault/rotations}): start one towards a target
 * version, then watch its progress; the page reloads itself (static {@code /js/refresh.js}) while it runs. The last
 * rotation started in this session is shown again when the page is opened without one.
 */
@Controller
class MasterKeyPages {

    static final String LAST_ROTATION = MasterKeyPages.class.getName() + ".lastRotation";
    private static final String PATH = "/admin/v1/vault/rotations";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern VERSION = Pattern.compile("[1-9]\\d{0,5}");

    private final CommandApi commandApi;

    MasterKeyPages(CommandApi commandApi) {
        this.commandApi = commandApi;
    }

    @GetMapping("/operator/vault")
    Mono<String> page(@RequestParam(required = false) String rotation, WebSession session, Model model) {
        String id = rotation != null && ID.matcher(rotation).matches() ? rotation : session.getAttribute(LAST_ROTATION);
        if (id == null) {
            return Mono.just("operator-vault");
        }
        return commandApi.operatorGet(PATH + "/" + id, new org.springframework.util.LinkedMultiValueMap<>())
                .doOnNext(progress -> model.addAttribute("rotation", progress))
                .onErrorResume(CommandApiRefused.class, refused -> refused.status() == 404 ? Mono.empty()
                        : Mono.error(refused))
                .thenReturn("operator-vault");
    }

    @PostMapping("/operator/vault/rotations")
    Mono<String> start(@AuthenticationPrincipal ConsoleUser operator, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().map(form -> String.valueOf(form.getFirst("targetVersion")).strip())
                .flatMap(version -> {
                    if (!VERSION.matcher(version).matches()) {
                        return refusal(exchange, model, HttpStatus.BAD_REQUEST, "vault.refused.version", version);
                    }
                    return commandApi.operatorPost(PATH, operator.personId(),
                                    Map.of("targetVersion", Integer.parseInt(version)))
                            .flatMap(started -> remember(exchange, String.valueOf(started.get("rotationId"))))
                            .onErrorResume(CommandApiRefused.class, refused -> refused(exchange, model, refused,
                                    version));
                });
    }

    private static Mono<String> remember(ServerWebExchange exchange, String rotationId) {
        return exchange.getSession().map(session -> {
            session.getAttributes().put(LAST_ROTATION, rotationId);
            return "redirect:/operator/vault?rotation=" + rotationId;
        });
    }

    private static Mono<String> refused(ServerWebExchange exchange, Model model, CommandApiRefused refused,
                                        String version) {
        return switch (refused.problem()) {
            case "unknown-key-version" -> refusal(exchange, model, HttpStatus.BAD_REQUEST, "vault.refused.unknown-version",
                    version);
            case "key-rotation-running" -> refusal(exchange, model, HttpStatus.CONFLICT, "vault.refused.running",
                    version);
            default -> Mono.error(refused);
        };
    }

    private static Mono<String> refusal(ServerWebExchange exchange, Model model, HttpStatus status, String key,
                                        String version) {
        exchange.getResponse().setStatusCode(status);
        model.addAttribute("refusalKey", key);
        model.addAttribute("targetVersion", version);
        return Mono.just("operator-vault");
    }
}
