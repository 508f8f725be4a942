package dev.ksefplatform.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.simulator.invoice.InvoiceVerifier;
import dev.ksefplatform.simulator.support.RunningSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * HTTP/2 over plain http: a client that asks for the upgrade (the JDK's, as ksef-client builds it) gets HTTP/2, even
 * when the upgrading request carries the largest online invoice; a client that stays on HTTP/1.1 still gets a
 * connection closed after each request.
 */
class H2cIT {

    private final URI root = RunningSimulator.url();

    @Test
    void upgradesARequestCarryingTheLargestOnlineInvoiceAndServesTheNextOnHttp2() throws Exception {
        HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        byte[] invoice = new byte[InvoiceVerifier.MAX_SIZE + 16];
        Arrays.fill(invoice, (byte) 'x');
        String body = "{\"encryptedInvoiceContent\":\"" + Base64.getEncoder().encodeToString(invoice) + "\"}";

        HttpResponse<String> first = http2.send(HttpRequest.newBuilder(
                        root.resolve("/v2/sessions/online/20250101-SO-0000000000-0000000000-00/invoices"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> second = http2.send(HttpRequest.newBuilder(root.resolve("/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(first.statusCode()).as(first.body()).isEqualTo(401);
        assertThat(first.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.version()).isEqualTo(HttpClient.Version.HTTP_2);
    }

    @Test
    void anHttp11ClientStillGetsAConnectionPerRequest() throws Exception {
        HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        HttpResponse<String> health = http11.send(HttpRequest.newBuilder(root.resolve("/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(health.headers().firstValue("connection")).hasValue("close");
    }
}
