package dev.ksefplatform.ksef.client.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract check the other tests rely on must reject what the spec rejects. */
class OpenApiContractTest {

    static final String SESSION = "/v2/sessions/online/20250625-SO-2C3E6C8000-B675CF5D68-07/invoices";
    static final String VALID_SEND = """
            {"invoiceHash":"EbrK4cOSjW4hEpJaHU71YXSOZZmqP5++dK9nLgTzgV4=","invoiceSize":6480,
             "encryptedInvoiceHash":"miYb1z3Ljw5VucTZslv3Tlt+V/EK1V8Q8evD8HMQ0dc=","encryptedInvoiceSize":6496,
             "encryptedInvoiceContent":"AAAA"}""";

    static WireMockServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void acceptsARequestTheSpecAllows() throws Exception {
        assertThat(violationsOf("POST", SESSION, VALID_SEND, true)).isEmpty();
    }

    @Test
    void rejectsABodyWithoutARequiredField() throws Exception {
        String missingContent = VALID_SEND.replace("\"encryptedInvoiceContent\":\"AAAA\"", "\"unexpected\":1");

        assertThat(violationsOf("POST", SESSION, missingContent, true)).isNotEmpty();
    }

    @Test
    void rejectsAMissingBearerToken() throws Exception {
        assertThat(violationsOf("POST", SESSION, VALID_SEND, false)).isNotEmpty();
    }

    @Test
    void rejectsAPageSizeOutOfRange() throws Exception {
        assertThat(violationsOf("POST", "/v2/permissions/query/personal/grants?pageOffset=0&pageSize=5", "{}", true))
                .isNotEmpty();
    }

    @Test
    void rejectsAnOperationTheSpecDoesNotHave() throws Exception {
        assertThat(violationsOf("GET", "/v2/sessions/online/nothing/here", null, true)).isNotEmpty();
    }

    private static List<String> violationsOf(String method, String path, String json, boolean bearer) throws Exception {
        server.resetRequests();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer) {
            request.header("Authorization", "Bearer abc");
        }
        HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding());
        LoggedRequest logged = server.getAllServeEvents().get(0).getRequest();
        return OpenApiContract.violations(logged);
    }
}
