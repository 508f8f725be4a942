package dev.ksefplatform.ksef.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** One invoice of a batch: its file name inside the ZIP and where its XML is read from (only when zipping). */
public record BatchInvoice(String fileName, Content content) {

    /** Opens the invoice XML; called once, while the archive is written. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    public BatchInvoice {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(content, "content");
    }

    public static BatchInvoice of(String fileName, byte[] xml) {
        Objects.requireNonNull(xml, "xml");
        return new BatchInvoice(fileName, () -> new ByteArrayInputStream(xml));
    }

    /** The file's own name becomes the entry name; the bytes stay on disk until they are zipped. */
    public static BatchInvoice of(Path file) {
        return new BatchInvoice(file.getFileName().toString(), () -> Files.newInputStream(file));
    }
}
