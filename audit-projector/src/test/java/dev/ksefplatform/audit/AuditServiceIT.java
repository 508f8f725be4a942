package dev.ksefplatform.audit;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one service context every IT shares: a second context would add a second listener to the consumer group,
 * and a record could then be folded by the context the test does not look at.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + AuditProjectorApplication.CONFIG_NAME)
abstract class AuditServiceIT {

    static final String COMMAND_API = "Bearer local-command-api-token";
    static final String ADMIN = "Bearer local-admin-token";

    @Autowired
    WebTestClient http;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ItSupport.infrastructure(registry);
    }
}
