package dev.ksefplatform.console.operator;

import dev.ksefplatform.console.commandapi.CommandApi;
import dev.ksefplatform.console.commandapi.CommandApiRefused;
import dev.ksefplatform.console.login.ConsoleUser;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

/**
 * The health page's re-drive: the operator's identity and note go to command-api's {@code POST
 * /admin/v1/dead-letters/{deadLetter}/redrive}; the page then says what came of it (re-driven, re-driven before, or
 * why not). Whether the command runs is the worker's call, shown later by the command's own events.
 */
@Controller
class DeadLetterPages {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterPages.class);
    private static final Pattern DEAD_LETTER = Pattern.compile("[a-zA-Z0-9._-]{1,249}-\\d{1,5}@\\d{1,18}");
    private static final int MAX_NOTE = 500;

    private final CommandApi commandApi;

    DeadLetterPages(CommandApi commandApi) {
        this.commandApi = commandApi;
    }

    @PostMapping("/operator/dead-letters/redrive")
    Mono<String> redrive(@AuthenticationPrincipal ConsoleUser operator, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            String deadLetter = checked(form.getFirst("deadLetter"));
            Map<String, Object> body = new HashMap<>();
            body.put("operator", operator.personId());
            String note = form.getFirst("note");
            if (note != null && !note.isBlank()) {
                body.put("note", note.strip().length() > MAX_NOTE ? note.strip().substring(0, MAX_NOTE) : note.strip());
            }
            return commandApi.operatorPost("/admin/v1/dead-letters/" + deadLetter + "/redrive", body)
                    .map(done -> {
                        log.info("operator re-drove a dead letter operatorId={} deadLetter={} repeated={}",
                                operator.personId(), deadLetter, done.get("repeated"));
                        return "redirect:/operator/health?redriven=" + encoded(deadLetter) + "&repeated="
                                + Boolean.TRUE.equals(done.get("repeated")) + "#redrive-outcome";
                    })
                    .onErrorResume(CommandApiRefused.class, refused -> Mono.just("redirect:/operator/health?redriven="
                            + encoded(deadLetter) + "&redriveFailed=" + encoded(refused.problem()) + "#redrive-outcome"));
        });
    }

    private static String checked(String deadLetter) {
        if (deadLetter == null || !DEAD_LETTER.matcher(deadLetter).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "not a dead letter");
        }
        return deadLetter;
    }

    private static String encoded(String value) {
        return UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8);
    }
}
