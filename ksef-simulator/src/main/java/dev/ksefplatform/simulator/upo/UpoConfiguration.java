package dev.ksefplatform.simulator.upo;

import dev.ksefplatform.simulator.SimulatorProperties;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class UpoConfiguration {

    @Bean
    public UpoStorage upoStorage(SimulatorProperties properties, Clock clock) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new UpoStorage(secret, properties.upoLinkTtl(), clock);
    }

    @Bean
    public UpoWriter upoWriter() {
        return new UpoWriter();
    }
}
