package dev.ksefplatform.commandapi;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The tenants' REST gateway: authenticates tenants, validates invoices and publishes commands. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CommandApiApplication {

    public static final String CONFIG_NAME = "command-api";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(CommandApiApplication.class).properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
