package dev.ksefplatform.console.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class ConsoleLocalesTest {

    private final ConsoleLocales locales = new ConsoleLocales(true);

    @Test
    void isPolishUnlessThePersonChoseEnglishWhateverTheBrowserPrefers() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/dashboard").header("Accept-Language", "en-GB"));

        assertThat(locales.resolveLocaleContext(exchange).getLocale()).isEqualTo(Languages.POLISH);
        assertThat(((TimeZoneAwareLocaleContext) locales.resolveLocaleContext(exchange)).getTimeZone().toZoneId())
                .isEqualTo(ZoneId.of("Europe/Warsaw"));
    }

    @Test
    void takesTheChoiceFromTheSwitchFirstThenFromTheCookie() {
        assertThat(localeOf(MockServerHttpRequest.get("/x").cookie(new HttpCookie("KSEF_CONSOLE_LANG", "en"))))
                .isEqualTo(Languages.ENGLISH);
        assertThat(localeOf(MockServerHttpRequest.get("/x?lang=pl").cookie(new HttpCookie("KSEF_CONSOLE_LANG", "en"))))
                .isEqualTo(Languages.POLISH);
        assertThat(localeOf(MockServerHttpRequest.get("/x?lang=en"))).isEqualTo(Languages.ENGLISH);
    }

    @Test
    void ignoresALanguageItDoesNotOffer() {
        assertThat(localeOf(MockServerHttpRequest.get("/x?lang=de"))).isEqualTo(Languages.POLISH);
        assertThat(localeOf(MockServerHttpRequest.get("/x?lang=en-US"))).isEqualTo(Languages.POLISH);
        assertThat(localeOf(MockServerHttpRequest.get("/x").cookie(new HttpCookie("KSEF_CONSOLE_LANG", "<script>"))))
                .isEqualTo(Languages.POLISH);
    }

    @Test
    void theSwitchKeepsTheChoiceInAnHttpOnlyLaxCookieSecureLikeTheSession() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/dashboard?lang=en"));

        new LanguageSwitch(locales).filter(exchange, done -> Mono.empty()).block();

        ResponseCookie cookie = exchange.getResponse().getCookies().getFirst("KSEF_CONSOLE_LANG");
        assertThat(cookie).isNotNull();
        assertThat(cookie.getValue()).isEqualTo("en");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.isSecure()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Lax");
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.getMaxAge()).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void theSwitchSetsNothingForAnInvalidOrMissingLanguage() {
        var invalid = MockServerWebExchange.from(MockServerHttpRequest.get("/dashboard?lang=fr"));
        var none = MockServerWebExchange.from(MockServerHttpRequest.get("/dashboard"));

        new LanguageSwitch(locales).filter(invalid, done -> Mono.empty()).block();
        new LanguageSwitch(locales).filter(none, done -> Mono.empty()).block();

        assertThat(invalid.getResponse().getCookies()).isEmpty();
        assertThat(none.getResponse().getCookies()).isEmpty();
    }

    @Test
    void aContextWithoutALocaleForgetsTheChoice() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/x"));

        locales.setLocaleContext(exchange, new SimpleLocaleContext(null));

        assertThat(exchange.getResponse().getCookies().getFirst("KSEF_CONSOLE_LANG").getMaxAge()).isZero();
    }

    private java.util.Locale localeOf(MockServerHttpRequest.BaseBuilder<?> request) {
        return locales.resolveLocaleContext(MockServerWebExchange.from(request)).getLocale();
    }
}
