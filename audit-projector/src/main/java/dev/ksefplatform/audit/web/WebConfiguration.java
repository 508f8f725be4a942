package dev.ksefplatform.audit.web;

import dev.ksefplatform.support.web.InvalidRequestAdvice;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    @Bean
    InvalidRequestAdvice invalidRequestAdvice() {
        return new InvalidRequestAdvice();
    }
}
