package dev.ksefplatform.console.i18n;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The language of a request: a valid {@code ?lang=} (the switch being pressed), else the person's earlier choice kept
 * in a cookie, else Polish. WebFlux has no cookie-based resolver of its own (Spring MVC's CookieLocaleResolver is
 * servlet-only), hence this one. Times are shown in Europe/Warsaw, KSeF's and the taxpayers' zone.
 */
final class ConsoleLocales implements LocaleContextResolver {

    static final String COOKIE = "KSEF_CONSOLE_LANG";
    static final String PARAMETER = "lang";
    static final TimeZone WARSAW = TimeZone.getTimeZone(ZoneId.of("Europe/Warsaw"));
    private static final Duration KEPT = Duration.ofDays(365);

    private final boolean secure;

    ConsoleLocales(boolean secure) {
        this.secure = secure;
    }

    @Override
    public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
        Locale locale = Languages.named(exchange.getRequest().getQueryParams().getFirst(PARAMETER))
                .or(() -> chosen(exchange)).orElse(Languages.POLISH);
        return new SimpleTimeZoneAwareLocaleContext(locale, WARSAW);
    }

    /** Keeps the person's choice for a year; a context without a locale forgets it. */
    @Override
    public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
        Locale locale = localeContext == null ? null : localeContext.getLocale();
        exchange.getResponse().addCookie(ResponseCookie.from(COOKIE, locale == null ? "" : locale.getLanguage())
                .path("/").httpOnly(true).sameSite("Lax").secure(secure)
                .maxAge(locale == null ? Duration.ZERO : KEPT).build());
    }

    private static Optional<Locale> chosen(ServerWebExchange exchange) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
        return cookie == null ? Optional.empty() : Languages.named(cookie.getValue());
    }
}
