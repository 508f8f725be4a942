package dev.ksefplatform.commandapi.submission.adapter.http;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The one client of sync-service's internal API, shared by status queries, the submissions list and the inbox: one
 * pool of kept-alive connections, the service bearer token on every call.
 */
public final class SyncServiceClient {

    /** Largest body read from sync-service: a page of 1,000 inbox rows, or a 3 MB invoice with attachments. */
    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    private SyncServiceClient() {
    }

    /**
     * Idle connections are closed after {@code maxIdle}, before a server's own idle timeout can close one under a
     * request; {@code timeout} bounds the wait for each answer.
     */
    public static WebClient create(WebClient.Builder web, String baseUrl, String token, Duration timeout,
                                   Duration maxIdle) {
        return create(web, "sync-service", baseUrl, token, timeout, maxIdle);
    }

    /** The same kind of client for another internal service ({@code name} names its connection pool). */
    public static WebClient create(WebClient.Builder web, String name, String baseUrl, String token, Duration timeout,
                                   Duration maxIdle) {
        ConnectionProvider connections = ConnectionProvider.builder(name).maxConnections(100)
                .maxIdleTime(maxIdle).evictInBackground(maxIdle).build();
        HttpClient http = HttpClient.create(connections).keepAlive(true).responseTimeout(timeout);
        return web.clone().clientConnector(new ReactorClientHttpConnector(http)).baseUrl(baseUrl)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_BODY_BYTES))
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }

    /**
     * {@code path} under the tenant, with the query: values go in as URI variables, so each is encoded whole
     * ({@code &}, {@code +}, {@code %} included) and none can add a parameter or leave the tenant's path.
     */
    public static URI uri(UriBuilder uri, String path, String tenantId, Map<String, String> query) {
        Map<String, Object> variables = new HashMap<>(query);
        variables.put("tenantId", tenantId);
        uri.path(path);
        query.keySet().forEach(name -> uri.queryParam(name, "{" + name + "}"));
        return uri.build(variables);
    }
}
