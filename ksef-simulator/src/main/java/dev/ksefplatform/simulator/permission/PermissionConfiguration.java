package dev.ksefplatform.simulator.permission;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class PermissionConfiguration {

    @Bean
    TestDataRegistry testDataRegistry() {
        return new TestDataRegistry();
    }

    @Bean
    Revocations revocations() {
        return new Revocations();
    }

    @Bean
    ContextPermissions contextPermissions(TestDataRegistry grants, Revocations revocations) {
        return new ContextPermissions(grants, revocations);
    }
}
