package dev.ksefplatform.simulator.tokens;

import dev.ksefplatform.simulator.shared.ReferenceNumbers;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class TokensConfiguration {

    @Bean
    public KsefTokens ksefTokens(ReferenceNumbers references, Clock clock) {
        return new KsefTokens(references, clock);
    }
}
