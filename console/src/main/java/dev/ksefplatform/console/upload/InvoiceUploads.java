package dev.ksefplatform.console.upload;

import dev.ksefplatform.console.commandapi.Caller;
import dev.ksefplatform.console.commandapi.CommandApi;
import dev.ksefplatform.console.commandapi.CommandApiRefused;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
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
    private final MessageSource messages;

    InvoiceUploads(CommandApi commandApi, int maxBytes, MessageSource messages) {
        this.commandApi = commandApi;
        this.maxBytes = maxBytes;
        this.messages = messages;
    }

    /** The outcome's own sentences are in the person's language; command-api's problem is shown as it came. */
    Mono<UploadOutcome> submit(Caller caller, FilePart file, Locale locale) {
        String name = file.filename();
        return DataBufferUtils.join(file.content(), maxBytes).map(InvoiceUploads::bytesOf)
                .flatMap(xml -> commandApi.postXml(caller, "/api/v1/invoices", xml, "console-sha256-" + sha256(xml)))
                .map(accepted -> UploadOutcome.submitted(name, accepted))
                .onErrorResume(CommandApiRefused.class, refused -> Mono.just(UploadOutcome.refused(name, refused.body(),
                        title(refused, locale))))
                .onErrorResume(DataBufferLimitException.class, tooLarge -> Mono.just(notSent(name, locale,
                        "upload.file-too-large", maxBytes)))
                .defaultIfEmpty(notSent(name, locale, "upload.file-empty"))
                .onErrorResume(failed -> {
                    log.warn("upload not submitted tenantId={} error={}: {}", caller.tenantId(),
                            failed.getClass().getSimpleName(), failed.getMessage());
                    return Mono.just(notSent(name, locale, "upload.no-answer"));
                });
    }

    private UploadOutcome notSent(String name, Locale locale, String why, Object... args) {
        return UploadOutcome.notSent(name, text("upload.not-submitted", locale), messages.getMessage(why, args, locale));
    }

    /**
     * A problem the console knows is named in the person's language (an upload title, else its {@code error.<type>}
     * sentence); another by command-api's own title.
     */
    private String title(CommandApiRefused refused, Locale locale) {
        Object given = refused.body().get("title");
        String otherwise = given == null ? text("upload.refused", locale) : given.toString();
        String known = messages.getMessage("error." + refused.problem(), null, otherwise, locale);
        return messages.getMessage("upload.problem." + refused.problem(), null, known, locale);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
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
