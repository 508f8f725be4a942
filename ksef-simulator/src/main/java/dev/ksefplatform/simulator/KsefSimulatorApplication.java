package dev.ksefplatform.simulator;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** A stand-in for the KSeF API 2.0 (TEST environment) with state in memory. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KsefSimulatorApplication {

    public static final String CONFIG_NAME = "ksef-simulator";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(KsefSimulatorApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
