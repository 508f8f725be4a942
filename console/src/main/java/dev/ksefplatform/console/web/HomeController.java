package dev.ksefplatform.console.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@Controller
class HomeController {

    /** A tenant's person (or an operator acting for one) starts at the dashboard; an operator otherwise at tenants. */
    @GetMapping("/")
    Mono<String> home(ServerWebExchange exchange) {
        return Viewers.of(exchange).map(viewer -> viewer.caller().isPresent() ? "redirect:/dashboard" : "redirect:/operator/tenants");
    }
}
