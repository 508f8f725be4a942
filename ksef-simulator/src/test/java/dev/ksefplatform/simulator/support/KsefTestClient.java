package dev.ksefplatform.simulator.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.Request;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A small client written against the spec, independent of ksef-client: every /v2 response it sees
 * is checked against openapi.json.
 */
public final class KsefTestClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final WebTestClient web;

    public KsefTestClient(WebTestClient web) {
        this.web = web;
    }

    public record Reply(int status, String contentType, String body, HttpHeaders headers) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (java.io.IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    public record Tokens(String accessToken, String refreshToken) {
    }

    public record Session(String referenceNumber, byte[] key, byte[] iv) {
    }

    public Reply call(HttpMethod method, String path, String bearer, Object body, Map<String, String> headers) {
        Reply reply = raw(method, path, bearer, body, headers);
        if (path.startsWith("/v2/")) {
            MediaType type = reply.headers().getContentType();
            OpenApiContract.assertResponseMatches(Request.Method.valueOf(method.name()), path.split("\\?")[0],
                    reply.status(), type == null ? null : type.getType() + "/" + type.getSubtype(), reply.body());
        }
        return reply;
    }

    /** Without the contract check: for injected faults, which are by definition off-contract. */
    public Reply raw(HttpMethod method, String path, String bearer, Object body, Map<String, String> headers) {
        WebTestClient.RequestBodySpec spec = web.method(method).uri(path);
        if (bearer != null) {
            spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
        }
        headers.forEach(spec::header);
        WebTestClient.RequestHeadersSpec<?> ready = body == null ? spec
                : body instanceof byte[] bytes ? spec.contentType(MediaType.APPLICATION_XML).bodyValue(bytes)
                : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        EntityExchangeResult<byte[]> result;
        try {
            result = ready.exchange().expectBody().returnResult();
        } catch (IllegalStateException timeout) {
            dumpThreads(); // the simulator runs in this JVM: its threads say why an answer never came
            throw timeout;
        }
        byte[] bytes = result.getResponseBody();
        MediaType type = result.getResponseHeaders().getContentType();
        return new Reply(result.getStatus().value(), type == null ? null : type.toString(),
                bytes == null ? null : new String(bytes, StandardCharsets.UTF_8), result.getResponseHeaders());
    }

    private static void dumpThreads() {
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            System.err.println("THREAD " + thread.getName() + " " + thread.getState());
            for (StackTraceElement frame : stack) {
                System.err.println("    at " + frame);
            }
        });
    }

    public record Blob(int status, byte[] body, HttpHeaders headers) {
    }

    /** A pre-signed storage URL, as a client uses it: no bearer token, raw bytes. */
    public Blob storage(HttpMethod method, String url, byte[] body, Map<String, String> headers) {
        WebTestClient.RequestBodySpec spec = web.method(method).uri(java.net.URI.create(url));
        headers.forEach(spec::header);
        WebTestClient.RequestHeadersSpec<?> ready = body == null ? spec
                : spec.contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(body);
        EntityExchangeResult<byte[]> result = ready.exchange().expectBody().returnResult();
        return new Blob(result.getStatus().value(), result.getResponseBody(), result.getResponseHeaders());
    }

    public Reply call(HttpMethod method, String path, String bearer, Object body) {
        return call(method, path, bearer, body, Map.of());
    }

    public String seedToken(String nip, List<String> permissions) {
        Reply reply = call(HttpMethod.POST, "/sim/v1/ksef-tokens", null,
                Map.of("contextNip", nip, "permissions", permissions, "description", "test token"));
        assertThat(reply.status()).isEqualTo(201);
        return reply.json().get("token").asText();
    }

    public void faults(Map<String, Object> faults) {
        assertThat(call(HttpMethod.POST, "/sim/v1/faults", null, faults).status()).isEqualTo(200);
    }

    public void clearFaults() {
        assertThat(call(HttpMethod.DELETE, "/sim/v1/faults", null, null).status()).isEqualTo(204);
    }

    public PublicKey publicKey(String usage) throws GeneralSecurityException {
        for (JsonNode cert : call(HttpMethod.GET, "/v2/security/public-key-certificates", null, null).json()) {
            if (cert.get("usage").toString().contains(usage)) {
                return ClientCrypto.publicKey(cert.get("certificate").asText());
            }
        }
        throw new AssertionError("no certificate for " + usage);
    }

    /** Challenge, encrypted token, 202; returns the init response. */
    public JsonNode startLogin(String ksefToken, String contextNip) throws GeneralSecurityException {
        JsonNode challenge = call(HttpMethod.POST, "/v2/auth/challenge", null, null).json();
        byte[] plain = (ksefToken + "|" + challenge.get("timestampMs").asLong()).getBytes(StandardCharsets.UTF_8);
        Map<String, Object> request = Map.of("challenge", challenge.get("challenge").asText(),
                "contextIdentifier", Map.of("type", "Nip", "value", contextNip),
                "encryptedToken", ClientCrypto.b64(ClientCrypto.rsaOaep(publicKey("KsefTokenEncryption"), plain)));
        Reply reply = call(HttpMethod.POST, "/v2/auth/ksef-token", null, request);
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        return reply.json();
    }

    public String challenge() {
        return call(HttpMethod.POST, "/v2/auth/challenge", null, null).json().get("challenge").asText();
    }

    /** Posts a signed AuthTokenRequest; the caller checks the status. */
    public Reply xades(byte[] signedRequest) {
        return call(HttpMethod.POST, "/v2/auth/xades-signature", null, signedRequest);
    }

    /** XAdES login as {@code signer} in {@code contextNip}, then redeem. */
    public Tokens loginWithXades(XadesSigner signer, String contextNip, String subjectType) throws Exception {
        Reply started = xades(signer.sign(XadesSigner.request(XadesSigner.NS_21, challenge(), contextNip, subjectType)));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode init = started.json();
        assertThat(awaitAuth(init).at("/status/code").asInt()).isEqualTo(200);
        JsonNode tokens = call(HttpMethod.POST, "/v2/auth/token/redeem", init.at("/authenticationToken/token").asText(),
                null).json();
        return new Tokens(tokens.at("/accessToken/token").asText(), tokens.at("/refreshToken/token").asText());
    }

    public JsonNode awaitAuth(JsonNode init) {
        String path = "/v2/auth/" + init.get("referenceNumber").asText();
        String token = init.at("/authenticationToken/token").asText();
        return await(() -> call(HttpMethod.GET, path, token, null).json(), s -> s.at("/status/code").asInt() != 100);
    }

    public Tokens login(String ksefToken, String contextNip) throws GeneralSecurityException {
        JsonNode init = startLogin(ksefToken, contextNip);
        assertThat(awaitAuth(init).at("/status/code").asInt()).isEqualTo(200);
        JsonNode tokens = call(HttpMethod.POST, "/v2/auth/token/redeem", init.at("/authenticationToken/token").asText(),
                null).json();
        return new Tokens(tokens.at("/accessToken/token").asText(), tokens.at("/refreshToken/token").asText());
    }

    public Session openSession(String accessToken) throws GeneralSecurityException {
        byte[] key = ClientCrypto.random(32);
        byte[] iv = ClientCrypto.random(16);
        Map<String, Object> request = Map.of(
                "formCode", Map.of("systemCode", "FA (3)", "schemaVersion", "1-0E", "value", "FA"),
                "encryption", Map.of("encryptedSymmetricKey",
                        ClientCrypto.b64(ClientCrypto.rsaOaep(publicKey("SymmetricKeyEncryption"), key)),
                        "initializationVector", ClientCrypto.b64(iv)));
        Reply reply = call(HttpMethod.POST, "/v2/sessions/online", accessToken, request);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return new Session(reply.json().get("referenceNumber").asText(), key, iv);
    }

    public Map<String, Object> sendRequest(Session session, byte[] xml) throws GeneralSecurityException {
        byte[] encrypted = ClientCrypto.aes(session.key(), session.iv(), xml);
        return Map.of("invoiceHash", ClientCrypto.sha256(xml), "invoiceSize", xml.length,
                "encryptedInvoiceHash", ClientCrypto.sha256(encrypted), "encryptedInvoiceSize", encrypted.length,
                "encryptedInvoiceContent", ClientCrypto.b64(encrypted));
    }

    public Reply send(String accessToken, Session session, Map<String, Object> request, Map<String, String> headers) {
        return call(HttpMethod.POST, "/v2/sessions/online/" + session.referenceNumber() + "/invoices", accessToken,
                request, headers);
    }

    /** Sends and waits until the invoice status is final; returns the status response. */
    public JsonNode sendAndAwait(String accessToken, Session session, byte[] xml) throws GeneralSecurityException {
        Reply sent = send(accessToken, session, sendRequest(session, xml), Map.of());
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        String path = "/v2/sessions/" + session.referenceNumber() + "/invoices/" + sent.json().get("referenceNumber").asText();
        return await(() -> call(HttpMethod.GET, path, accessToken, null).json(), s -> s.at("/status/code").asInt() >= 200);
    }

    public static <T> T await(java.util.function.Supplier<T> probe, Predicate<T> done) {
        return await(probe, done, Duration.ofMillis(25));
    }

    /** Polls every {@code interval}: 120 ms keeps a poll of GET /sessions/{ref} under its 10 requests a second. */
    public static <T> T await(java.util.function.Supplier<T> probe, Predicate<T> done, Duration interval) {
        Instant deadline = Instant.now().plus(DEADLINE);
        T value = probe.get();
        while (!done.test(value)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("still not done at the deadline: " + value);
            }
            LockSupport.parkNanos(interval.toNanos());
            value = probe.get();
        }
        return value;
    }
}
