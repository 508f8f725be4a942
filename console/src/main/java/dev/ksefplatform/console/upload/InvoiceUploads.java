package dev.ksefplatform.console.upload;

import dev.ksefplatform.console.commandapi.Caller;
import dev.ksefplatform.console.commandapi.CommandApi;
import dev.ksefplatform.console.commandapi.CommandApiRefused;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePart;
import reactor.core.publisher.Mono;

/**
 * Submits one uploaded file through command-api as the person. The Idempotency-Key is the file's SHA-256, so the same
 * file sent twice (a double click, a repeated upload) is one command, published once.
 */
final class InvoiceUploads {

    private static final Logger log = LoggerFactory.getLogger(InvoiceUploads.class);

    private final CommandApi commandApi;
    private final int maxBytes;

    InvoiceUploads(CommandApi commandApi, int maxBytes) {
        this.commandApi = commandApi;
        this.maxBytes = maxBytes;
    }

    Mono<UploadOutcome> submit(Caller caller, FilePart file) {
        String name = file.filename();
        return DataBufferUtils.join(file.content(), maxBytes).map(InvoiceUploads::bytesOf)
                .flatMap(xml -> commandApi.postXml(caller, "/api/v1/invoices", xml, "console-sha256-" + sha256(xml)))
                .map(accepted -> UploadOutcome.submitted(name, accepted))
                .onErrorResume(CommandApiRefused.class, refused -> Mono.just(UploadOutcome.refused(name, refused.body())))
                .onErrorResume(DataBufferLimitException.class, tooLarge -> Mono.just(UploadOutcome.notSent(name,
                        "The file is larger than " + maxBytes + " bytes, the most one invoice may have.")))
                .defaultIfEmpty(UploadOutcome.notSent(name, "The file is empty."))
                .onErrorResume(failed -> {
                    log.warn("upload not submitted tenantId={} error={}: {}", caller.tenantId(),
                            failed.getClass().getSimpleName(), failed.getMessage());
                    return Mono.just(UploadOutcome.notSent(name,
                            "The platform did not answer: upload this file again (the same file is never submitted twice)."));
                });
    }

    private static byte[] bytesOf(org.springframework.core.io.buffer.DataBuffer buffer) {
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.read(bytes);
        DataBufferUtils.release(buffer);
        return bytes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
