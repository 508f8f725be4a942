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
        HttpStatus status = e.status() == 404 ? HttpStatus.NOT_FOUND
                : e.status() == 403 || e.status() == 401 ? HttpStatus.FORBIDDEN : HttpStatus.SERVICE_UNAVAILABLE;
        exchange.getResponse().setStatusCode(status);
        model.addAttribute("status", status.value());
        ErrorMessages.keyOf(e).ifPresentOrElse(key -> {
            model.addAttribute("messageKey", key);
            ErrorMessages.detailsOf(e).ifPresent(details -> model.addAttribute("details", details));
        }, () -> model.addAttribute("detail", e.getMessage()));
        return Viewers.of(exchange).doOnNext(viewer -> model.addAttribute("me", viewer)).thenReturn("error");
    }
}
