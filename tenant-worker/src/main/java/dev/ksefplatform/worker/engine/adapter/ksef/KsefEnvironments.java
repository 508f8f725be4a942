package dev.ksefplatform.worker.engine.adapter.ksef;

import dev.ksefplatform.ksef.client.KsefCallObserver;
import dev.ksefplatform.ksef.client.KsefClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link KsefClient} per KSeF environment. The clients never retry or wait on their own ({@code maxRetries 0}):
 * every call goes through a lane, which passes the budget first and decides when to try again.
 */
public class KsefEnvironments {

    private final Map<String, URI> baseUris;
    private final Duration requestTimeout;
    private final Path tempDirectory;
    private final KsefCallObserver observer;
    private final Map<String, KsefClient> clients = new ConcurrentHashMap<>();

    public KsefEnvironments(Map<String, URI> baseUris, Duration requestTimeout, Path tempDirectory,
                            KsefCallObserver observer) {
        this.observer = observer;
        this.baseUris = Map.copyOf(baseUris);
        this.requestTimeout = requestTimeout;
        this.tempDirectory = tempDirectory;
    }

    public KsefClient client(String environment) {
        return clients.computeIfAbsent(environment, this::create);
    }

    private KsefClient create(String environment) {
        URI baseUri = baseUris.get(environment);
        if (baseUri == null) {
            throw new IllegalArgumentException("no KSeF base URL configured for environment " + environment);
        }
        return KsefClient.builder().baseUri(baseUri).requestTimeout(requestTimeout).maxRetries(0)
                .tempDirectory(tempDirectory).observer(observer).build();
    }
}
