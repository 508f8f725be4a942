package dev.ksefplatform.console.i18n;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.i18n.LocaleContextResolver;

/** The console's language (Polish unless the person chose English) and the formats the pages show. */
@Configuration(proxyBeanMethods = false)
class I18nConfiguration {

    /** The name WebFlux looks the resolver up by; the choice's cookie is Secure exactly when the session's is. */
    @Bean(WebHttpHandlerBuilder.LOCALE_CONTEXT_RESOLVER_BEAN_NAME)
    LocaleContextResolver localeContextResolver(@Value("${server.reactive.session.cookie.secure:false}") boolean secure) {
        return new ConsoleLocales(secure);
    }

    @Bean
    LanguageSwitch languageSwitch(LocaleContextResolver localeContextResolver) {
        return new LanguageSwitch(localeContextResolver);
    }

    @Bean
    FormatsDialect formatsDialect() {
        return new FormatsDialect();
    }
}
