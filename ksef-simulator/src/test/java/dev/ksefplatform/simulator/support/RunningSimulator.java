package dev.ksefplatform.simulator.support;

import dev.ksefplatform.simulator.KsefSimulatorApplication;
import java.time.Duration;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/** One simulator per test JVM, on a random port, shared by every *IT class and closed at exit. */
public final class RunningSimulator {

    private static final KsefTestClient CLIENT = start();

    private RunningSimulator() {
    }

    public static KsefTestClient client() {
        return CLIENT;
    }

    private static KsefTestClient start() {
        ConfigurableApplicationContext app = KsefSimulatorApplication.builder()
                .run("--server.port=0", "--simulator.processing-delay=20ms", "--simulator.auth-delay=20ms");
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "ksef-simulator-stop"));
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return new KsefTestClient(WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build());
    }
}
