package dev.ksefplatform.commandapi.submission.api;

import dev.ksefplatform.commandapi.submission.domain.InvoiceTooLarge;
import dev.ksefplatform.commandapi.submission.domain.UnsupportedInvoiceMediaType;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads an invoice body: XML media types only, never more than {@code maxBytes} held in memory. */
public final class InvoiceBodyReader {

    private static final List<MediaType> ACCEPTED = List.of(MediaType.APPLICATION_XML, MediaType.TEXT_XML);

    private final int maxBytes;

    public InvoiceBodyReader(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    Mono<byte[]> read(ServerHttpRequest request) {
        MediaType contentType = request.getHeaders().getContentType();
        if (!isAccepted(contentType)) {
            return Mono.error(new UnsupportedInvoiceMediaType(String.valueOf(contentType)));
        }
        if (request.getHeaders().getContentLength() > maxBytes) {
            return Mono.error(new InvoiceTooLarge(maxBytes));
        }
        return read(request.getBody());
    }

    Mono<byte[]> read(Flux<DataBuffer> body) {
        return DataBufferUtils.join(body, maxBytes)
                .map(InvoiceBodyReader::bytes)
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, e -> new InvoiceTooLarge(maxBytes));
    }

    private static boolean isAccepted(MediaType contentType) {
        if (contentType == null || ACCEPTED.stream().noneMatch(m -> m.equalsTypeAndSubtype(contentType))) {
            return false;
        }
        Charset charset = contentType.getCharset();
        return charset == null || charset.equals(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
