package dev.ksefplatform.credentials.config;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Time and identity, injected so the domain never calls {@code Instant.now()} or {@code randomUUID()}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CredentialsProperties.class, KsefProperties.class})
public class PlatformConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Supplier<UUID> idGenerator() {
        return UUID::randomUUID;
    }
}
