package dev.ksefplatform.console.inbox;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InboxConfiguration {

    @Bean
    PolishFormats polishFormats() {
        return new PolishFormats();
    }
}
