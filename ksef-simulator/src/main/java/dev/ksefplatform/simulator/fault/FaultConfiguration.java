package dev.ksefplatform.simulator.fault;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.WebFilter;

@Configuration
public class FaultConfiguration {

    @Bean
    public FaultInjector faultInjector() {
        return new FaultInjector();
    }

    @Bean
    WebFilter faultFilter(FaultInjector injector) {
        return new FaultFilter(injector);
    }
}
