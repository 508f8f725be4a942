package dev.ksefplatform.simulator.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.simulator.auth.BearerTokens;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.WebFilter;

@Configuration
@ConditionalOnProperty(name = "simulator.rate-limits.enabled", havingValue = "true", matchIfMissing = true)
public class RateLimitConfiguration {

    @Bean
    WebFilter rateLimitFilter(BearerTokens bearer, ObjectMapper mapper, Clock clock) {
        return new RateLimitFilter(new SlidingWindows(), bearer, mapper, clock);
    }
}
