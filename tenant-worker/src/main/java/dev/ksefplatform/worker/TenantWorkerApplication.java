package dev.ksefplatform.worker;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Consumes commands, leases credentials, calls KSeF, emits result events. */
@SpringBootApplication
public class TenantWorkerApplication {

    public static final String CONFIG_NAME = "tenant-worker";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(TenantWorkerApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
