package dev.ksefplatform.simulator.keys;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class KeysConfiguration {

    @Bean
    public KeyRing keyRing(Clock clock) {
        return new KeyRing(new SelfSignedCertificates(clock));
    }
}
