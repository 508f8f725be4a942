package dev.ksefplatform.console.i18n;

import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.i18n.LocaleContextResolver;
import reactor.core.publisher.Mono;

/**
 * The header's switch: a request with a valid {@code ?lang=pl|en} keeps that language in the cookie (the page itself
 * is already rendered in it by {@link ConsoleLocales}); any other value is ignored.
 */
final class LanguageSwitch implements WebFilter {

    private final LocaleContextResolver locales;

    LanguageSwitch(LocaleContextResolver locales) {
        this.locales = locales;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Languages.named(exchange.getRequest().getQueryParams().getFirst(ConsoleLocales.PARAMETER))
                .ifPresent(locale -> locales.setLocaleContext(exchange, new SimpleLocaleContext(locale)));
        return chain.filter(exchange);
    }
}
