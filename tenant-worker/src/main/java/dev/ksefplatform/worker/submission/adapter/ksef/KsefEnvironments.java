package dev.ksefplatform.worker.submission.adapter.ksef;

import dev.ksefplatform.ksef.client.KsefClient;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One shared {@link KsefClient} per KSeF environment, from {@code ksef.environments.<ENV>.base-url}. */
public class KsefEnvironments {

    private final Map<String, URI> baseUris;
    private final Duration requestTimeout;
    private final Map<String, KsefClient> clients = new ConcurrentHashMap<>();

    public KsefEnvironments(Map<String, URI> baseUris, Duration requestTimeout) {
        this.baseUris = Map.copyOf(baseUris);
        this.requestTimeout = requestTimeout;
    }

    public KsefClient client(String environment) {
        return clients.computeIfAbsent(environment, this::create);
    }

    private KsefClient create(String environment) {
        URI baseUri = baseUris.get(environment);
        if (baseUri == null) {
            throw new IllegalStateException("no ksef.environments." + environment + ".base-url configured");
        }
        // Retries belong to the worker's transactional redelivery, which also renews the lease.
        return KsefClient.builder().baseUri(baseUri).requestTimeout(requestTimeout).maxRetries(0).build();
    }
}
