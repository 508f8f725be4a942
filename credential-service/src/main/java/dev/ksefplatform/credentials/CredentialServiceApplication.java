package dev.ksefplatform.credentials;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The vault: integration accounts, encrypted secrets, credential leases, KSeF token lifecycle. */
@SpringBootApplication
public class CredentialServiceApplication {

    public static final String CONFIG_NAME = "credential-service";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(CredentialServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
