package dev.ksefplatform.commandapi.submission.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.commandapi.submission.domain.InvoiceTooLarge;
import dev.ksefplatform.commandapi.submission.domain.UnsupportedInvoiceMediaType;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class InvoiceBodyReaderTest {

    private final InvoiceBodyReader reader = new InvoiceBodyReader(10);

    @Test
    void readsAnXmlBodyWithinTheLimit() {
        var request = MockServerHttpRequest.post("/api/v1/invoices").contentType(MediaType.TEXT_XML).body("<a/>");

        StepVerifier.create(reader.read(request))
                .assertNext(bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("<a/>"))
                .verifyComplete();
    }

    @Test
    void stopsReadingAStreamOnceItPassesTheLimit() {
        AtomicInteger emitted = new AtomicInteger();
        Flux<DataBuffer> endless = Flux.generate(sink -> {
            emitted.incrementAndGet();
            sink.next(DefaultDataBufferFactory.sharedInstance.wrap("<aaaa>".getBytes(StandardCharsets.UTF_8)));
        });

        StepVerifier.create(reader.read(endless)).expectError(InvoiceTooLarge.class).verify();
        assertThat(emitted.get()).isLessThan(10);
    }

    @Test
    void refusesADeclaredLengthOverTheLimitWithoutReading() {
        var request = MockServerHttpRequest.post("/api/v1/invoices").contentType(MediaType.APPLICATION_XML)
                .contentLength(11).body("<a/>");

        StepVerifier.create(reader.read(request)).expectError(InvoiceTooLarge.class).verify();
    }

    @Test
    void refusesOtherMediaTypesAndCharsets() {
        var plain = MockServerHttpRequest.post("/").contentType(MediaType.TEXT_PLAIN).body("<a/>");
        var latin2 = MockServerHttpRequest.post("/").header("Content-Type", "text/xml; charset=ISO-8859-2").body("<a/>");
        var none = MockServerHttpRequest.post("/").body("<a/>");

        StepVerifier.create(reader.read(plain)).expectError(UnsupportedInvoiceMediaType.class).verify();
        StepVerifier.create(reader.read(latin2)).expectError(UnsupportedInvoiceMediaType.class).verify();
        StepVerifier.create(reader.read(none)).expectError(UnsupportedInvoiceMediaType.class).verify();
    }
}
