package dev.ksefplatform.credentials.session.adapter.ksef;

import dev.ksefplatform.ksef.client.KsefClient;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One shared {@link KsefClient} per KSeF environment, from {@code ksef.environments.<ENV>.base-url}. */
public final class KsefClients {

    private final Map<String, URI> baseUris;
    private final Map<String, KsefClient> clients = new ConcurrentHashMap<>();

    public KsefClients(Map<String, URI> baseUris) {
        this.baseUris = Map.copyOf(baseUris);
    }

    public boolean knows(String environment) {
        return baseUris.containsKey(environment);
    }

    public KsefClient forEnvironment(String environment) {
        return clients.computeIfAbsent(environment, env -> KsefClient.builder()
                .baseUri(baseUri(env))
                .requestTimeout(Duration.ofSeconds(20))
                .maxRetries(2)
                .build());
    }

    private URI baseUri(String environment) {
        URI uri = baseUris.get(environment);
        if (uri == null) {
            throw new IllegalArgumentException("no ksef.environments." + environment + ".base-url configured");
        }
        return uri;
    }
}
