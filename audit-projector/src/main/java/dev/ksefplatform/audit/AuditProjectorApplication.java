package dev.ksefplatform.audit;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class AuditProjectorApplication {

    public static final String CONFIG_NAME = "audit-projector";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(AuditProjectorApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
