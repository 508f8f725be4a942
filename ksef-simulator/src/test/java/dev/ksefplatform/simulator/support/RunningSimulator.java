package dev.ksefplatform.simulator.support;

import dev.ksefplatform.simulator.KsefSimulatorApplication;
import java.net.URI;
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

    private static final String URL = start("--simulator.rate-limits.enabled=false");
    private static final KsefTestClient CLIENT = client(URL);
    private static volatile KsefTestClient throttled;

    private RunningSimulator() {
    }

    public static KsefTestClient client() {
        return CLIENT;
    }

    /** The shared simulator's root, for a client of a test's own (a simulator closed in a test JVM would stop the
     * event loops every other one shares). */
    public static URI url() {
        return URI.create(URL);
    }

    /** A simulator of its own with the official rate limits, for the tests about them. */
    public static synchronized KsefTestClient throttled() {
        if (throttled == null) {
            throttled = client(start("--simulator.rate-limits.enabled=true"));
        }
        return throttled;
    }

    private static String start(String rateLimits) {
        ConfigurableApplicationContext app = KsefSimulatorApplication.builder()
                .run("--server.port=0", "--simulator.processing-delay=20ms", "--simulator.auth-delay=20ms", rateLimits);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "ksef-simulator-stop"));
        return "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    private static KsefTestClient client(String url) {
        return new KsefTestClient(WebTestClient.bindToServer().baseUrl(url).responseTimeout(Duration.ofSeconds(30)).build());
    }
}
