package dev.ksefplatform.console.commandapi;

import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;

/**
 * command-api's tenant REST API, called as the console for a {@link Caller} (CONTRACTS.md, command-api: act-for
 * headers). The console reads nothing else: no other service's tables, no other service.
 */
public final class CommandApi {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Object>> LIST = new ParameterizedTypeReference<>() { };

    private final WebClient client;

    public CommandApi(WebClient client) {
        this.client = client;
    }

    public Mono<Map<String, Object>> get(Caller caller, String path, MultiValueMap<String, String> query) {
        return client.get().uri(uri -> build(uri, path, query)).headers(h -> actFor(h, caller))
                .exchangeToMono(CommandApi::json);
    }

    /** A DELETE: empty when done, the refusal otherwise. */
    public Mono<Void> delete(Caller caller, String path) {
        return client.delete().uri(path).headers(h -> actFor(h, caller)).exchangeToMono(response ->
                response.statusCode().is2xxSuccessful() ? response.releaseBody() : refused(response));
    }

    /** A GET whose answer is a JSON array. */
    public Mono<List<Object>> getList(Caller caller, String path) {
        return client.get().uri(path).headers(h -> actFor(h, caller)).exchangeToMono(response ->
                response.statusCode().is2xxSuccessful() ? response.bodyToMono(LIST).defaultIfEmpty(List.of()) : refused(response));
    }

    /** An operator's read of command-api's admin API, as the console itself (no person acted for). */
    public Mono<Map<String, Object>> operatorGet(String path, MultiValueMap<String, String> query) {
        return client.get().uri(uri -> build(uri, path, query)).exchangeToMono(CommandApi::json);
    }

    /** An operator's own action on command-api's admin API (no tenant acted for): {@code X-Operator-Id} names them. */
    public Mono<Map<String, Object>> operatorPost(String path, String operatorId, Object body) {
        var request = client.method(HttpMethod.POST).uri(path).header("X-Operator-Id", operatorId);
        return (body == null ? request : request.bodyValue(body)).exchangeToMono(CommandApi::json);
    }

    /** An operator's action at command-api's admin API (a JSON body), as the console itself. */
    public Mono<Map<String, Object>> operatorPost(String path, Object body) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchangeToMono(CommandApi::json);
    }

    /** A POST with a JSON body (or none). */
    public Mono<Map<String, Object>> post(Caller caller, String path, Object body) {
        var request = client.method(HttpMethod.POST).uri(path).headers(h -> actFor(h, caller));
        return (body == null ? request : request.bodyValue(body)).exchangeToMono(CommandApi::json);
    }

    /** A POST of an XML document (an FA(3) invoice) with its Idempotency-Key: command-api's answer, or its refusal. */
    public Mono<Map<String, Object>> postXml(Caller caller, String path, byte[] xml, String idempotencyKey) {
        return client.post().uri(path).headers(h -> actFor(h, caller)).header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_XML).bodyValue(xml).exchangeToMono(CommandApi::json);
    }

    /** A document (XML) as command-api serves it, headers included. */
    public Mono<ResponseEntity<byte[]>> document(Caller caller, String path) {
        return client.get().uri(path).headers(h -> actFor(h, caller)).exchangeToMono(response ->
                response.statusCode().is2xxSuccessful() ? response.toEntity(byte[].class) : refused(response));
    }

    private static java.net.URI build(UriBuilder uri, String path, MultiValueMap<String, String> query) {
        return uri.path(path).queryParams(query).build();
    }

    private static void actFor(HttpHeaders headers, Caller caller) {
        headers.set("X-Act-For-Tenant", caller.tenantId());
        headers.set("X-Actor-Type", caller.actorType());
        headers.set("X-Actor-Id", caller.actorId());
    }

    private static Mono<Map<String, Object>> json(ClientResponse response) {
        return response.statusCode().is2xxSuccessful() ? response.bodyToMono(JSON).defaultIfEmpty(Map.of()) : refused(response);
    }

    private static <T> Mono<T> refused(ClientResponse response) {
        int status = response.statusCode().value();
        return response.bodyToMono(JSON).onErrorReturn(Map.of()).defaultIfEmpty(Map.of())
                .flatMap(problem -> Mono.error(new CommandApiRefused(status, problem)));
    }
}
