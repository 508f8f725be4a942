package dev.ksefplatform.sync;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SyncServiceApplication {

    public static final String CONFIG_NAME = "sync-service";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(SyncServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
