package dev.ksefplatform.simulator.support;

import dev.ksefplatform.simulator.KsefSimulatorApplication;
import java.time.Duration;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Simulators shared by every *IT class of a test JVM, on random ports, closed at exit. All tests come
 * from one IP, so the shared one runs without rate limits: otherwise a test that trips a per-IP limit
 * on purpose would block the IP, with growing blocks, for every class that runs after it.
 */
public final class RunningSimulator {

    private static final KsefTestClient CLIENT = start("--simulator.rate-limits.enabled=false");
    private static volatile KsefTestClient throttled;

    private RunningSimulator() {
    }

    public static KsefTestClient client() {
        return CLIENT;
    }

    /** A simulator of its own with the official rate limits, for the tests about them. */
    public static synchronized KsefTestClient throttled() {
        if (throttled == null) {
            throttled = start("--simulator.rate-limits.enabled=true");
        }
        return throttled;
    }

    private static KsefTestClient start(String rateLimits) {
        ConfigurableApplicationContext app = KsefSimulatorApplication.builder()
                .run("--server.port=0", "--simulator.processing-delay=20ms", "--simulator.auth-delay=20ms", rateLimits);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "ksef-simulator-stop"));
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return new KsefTestClient(WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build());
    }
}
