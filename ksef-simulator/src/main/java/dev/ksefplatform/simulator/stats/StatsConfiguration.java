package dev.ksefplatform.simulator.stats;

import dev.ksefplatform.simulator.auth.BearerTokens;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.WebFilter;

@Configuration
public class StatsConfiguration {

    @Bean
    public SimulatorStats simulatorStats(Clock clock) {
        return new SimulatorStats(clock);
    }

    @Bean
    WebFilter statsFilter(SimulatorStats stats, BearerTokens bearer) {
        return new StatsFilter(stats, bearer);
    }
}
