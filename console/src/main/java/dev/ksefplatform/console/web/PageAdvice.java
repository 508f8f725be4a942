package dev.ksefplatform.console.web;

import dev.ksefplatform.console.commandapi.CommandApiRefused;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** What every page knows ({@code me}: the viewer), and the pages errors become. */
@ControllerAdvice
class PageAdvice {

    @ModelAttribute("me")
    Mono<Viewer> me(ServerWebExchange exchange) {
        return Viewers.of(exchange);
    }

    @ExceptionHandler
    Mono<String> noTenant(NoTenantChosen e) {
        return Mono.just("redirect:/operator/tenants");
    }

    @ExceptionHandler
    Mono<String> refused(CommandApiRefused e, Model model, ServerWebExchange exchange) {
        HttpStatus status = pageStatus(e.status());
        exchange.getResponse().setStatusCode(status);
        model.addAttribute("status", status.value());
        ErrorMessages.keyOf(e).ifPresentOrElse(key -> {
            model.addAttribute("messageKey", key);
            ErrorMessages.detailsOf(e).ifPresent(details -> model.addAttribute("details", details));
        }, () -> model.addAttribute("detail", e.getMessage()));
        return Viewers.of(exchange).doOnNext(viewer -> model.addAttribute("me", viewer)).thenReturn("error");
    }

    /**
     * The page's status for command-api's: its own 4xx (the request was refused, retrying will not help; 401 is the
     * console's token, so the viewer sees 403), and 503 for anything else (command-api failed or is unreachable).
     */
    static HttpStatus pageStatus(int refused) {
        if (refused == 401 || refused == 403) {
            return HttpStatus.FORBIDDEN;
        }
        HttpStatus status = HttpStatus.resolve(refused);
        return status != null && status.is4xxClientError() ? status : HttpStatus.SERVICE_UNAVAILABLE;
    }
}
