package dev.ksefplatform.console.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;

class FormatsDialectTest {

    private static final String PAGE = "<p th:text=\"${#formats.amount(gross)} + ' | ' + ${#formats.dateTime(at)}\"></p>";

    @Test
    void givesTemplatesTheFormatsOfThePagesLanguage() {
        assertThat(render(Languages.POLISH)).isEqualTo("<p>1\u00a0234,56\u00a0zł | 03.12.2026 18:34</p>");
        assertThat(render(Languages.ENGLISH)).isEqualTo("<p>PLN 1,234.56 | 2026-12-03 18:34</p>");
    }

    private static String render(Locale locale) {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(new StringTemplateResolver());
        engine.addDialect(new FormatsDialect());
        return engine.process(PAGE, new Context(locale, Map.of("gross", "1234.56", "at", "2026-12-03T17:34:00Z")));
    }
}
