package dev.ksefplatform.console.i18n;

import java.net.URI;
import java.util.Map;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The header's switch leads to the page the person is on, its query kept ({@code /invoices?status=SENT&lang=en}), so
 * switching in the middle of the wizard keeps its choices. Only the path and query are used, never a host.
 */
@ControllerAdvice
class LanguageLinks {

    @ModelAttribute("languageLinks")
    Map<String, String> languageLinks(ServerWebExchange exchange) {
        URI here = exchange.getRequest().getURI();
        return Map.of("pl", to(here, "pl"), "en", to(here, "en"));
    }

    static String to(URI here, String language) {
        UriComponents link = UriComponentsBuilder.fromUri(here).replaceQueryParam(ConsoleLocales.PARAMETER, language).build();
        String path = link.getPath() == null || !link.getPath().startsWith("/") || link.getPath().startsWith("//")
                ? "/" : link.getPath();
        return path + "?" + link.getQuery();
    }
}
